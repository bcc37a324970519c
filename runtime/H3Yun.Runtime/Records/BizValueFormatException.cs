namespace H3Yun;

/// <summary>A value in a record could not be read as its field's type.</summary>
internal sealed class BizValueFormatException(string fieldCode, string expected, string received)
    : AnswerFormatException($"field '{fieldCode}' should hold {expected} but holds {received}.");
