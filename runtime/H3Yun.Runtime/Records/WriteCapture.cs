namespace H3Yun;

/// <summary>
/// What one write of a record sent: its assignments, its tables' versions, its rows' assignments. Accepting it after
/// H3Yun applied the write forgets exactly those, so that anything changed while the write was on its way is still
/// sent by the next write.
/// </summary>
internal sealed class WriteCapture
{
    private readonly List<Action> _accepts = [];

    public void Add(Action accept) => _accepts.Add(accept);

    public void Accept()
    {
        foreach (var accept in _accepts)
        {
            accept();
        }
    }
}
