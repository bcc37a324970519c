namespace H3Yun.Spreadsheets;

/// <summary>How a CSV file's bytes are read.</summary>
public enum CsvEncoding
{
    /// <summary>
    /// UTF-8 (with or without a BOM) when the whole file is valid UTF-8; otherwise GB18030, which Chinese Excel saves
    /// "CSV" in, when the whole file is valid GB18030; otherwise refused with the line of the first invalid byte.
    /// A UTF-16 or UTF-32 file (by its BOM) is refused.
    /// </summary>
    Detect,

    /// <summary>UTF-8 only, with or without a BOM; any other bytes are refused with their line.</summary>
    Utf8,

    /// <summary>GB18030 only (a UTF-8 BOM is still read as UTF-8); bytes invalid in GB18030 are refused with their line.</summary>
    Gb18030,
}
