namespace H3Yun;

/// <summary>Part of an answer has a shape the action does not define; the client adds the action and form.</summary>
internal class AnswerFormatException(string problem) : FormatException(problem);
