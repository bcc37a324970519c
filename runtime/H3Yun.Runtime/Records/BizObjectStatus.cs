namespace H3Yun;

/// <summary>A record's state, H3Yun's <c>H3.DataModel.BizObjectStatus</c>.</summary>
public enum BizObjectStatus
{
    /// <summary>草稿: a draft, created with <c>IsSubmit: false</c> on a form without workflow.</summary>
    Draft = 0,

    /// <summary>生效: effective (or its workflow has finished).</summary>
    Effective = 1,

    /// <summary>流程进行中: its workflow is running.</summary>
    Running = 2,

    /// <summary>作废: canceled.</summary>
    Canceled = 3,
}
