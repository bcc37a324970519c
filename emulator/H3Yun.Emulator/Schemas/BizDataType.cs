namespace H3Yun.Emulator.Schemas;

/// <summary>H3Yun's field data types; the numbers are the ones H3Yun uses on the wire and in its designer.</summary>
internal enum BizDataType
{
    /// <summary>A DataType H3Yun does not define, which the generator keeps as raw JSON (H3Y0006): values are stored as sent.</summary>
    Unspecified = -1,
    Bool = 1,
    DateTime = 5,
    Double = 7,
    Int = 9,
    Long = 11,
    String = 13,
    ShortString = 14,
    ByteArray = 20,
    Image = 23,
    File = 24,
    TimeSpan = 25,
    Unit = 26,
    UnitArray = 27,
    Html = 30,
    Xml = 32,
    BizObject = 40,
    BizObjectArray = 41,
    BizStructure = 42,
    BizStructureArray = 43,
    Association = 50,
    Map = 55,
    Address = 56,
}
