namespace H3Yun.Emulator;

/// <summary>
/// What UpdateBizObject does with a child table it is sent. H3Yun does not document whether it merges rows by
/// <c>ObjectId</c> or replaces the table (docs/protocol.md#child-tables-on-update), so the emulator offers each plausible
/// behaviour and a client can be tested against all of them.
/// </summary>
public enum ChildRowUpdateMode
{
    /// <summary>
    /// The default. The table becomes exactly the rows sent, in the order sent; a row sent with an <c>ObjectId</c>
    /// keeps it, a row sent without one gets a new one, and a member a row does not send is empty afterwards.
    /// This is what assigning a child table does in H3Yun's backend (docs/protocol.md#child-tables-on-update), and it is the behaviour
    /// under which a client that re-sends incomplete rows loses data, so tests catch that client.
    /// </summary>
    Replace = 0,

    /// <summary>
    /// A sent row whose <c>ObjectId</c> is an existing row of the record updates that row member by member (members
    /// not sent keep their values); a row without an <c>ObjectId</c>, or with one the record does not have, is added
    /// (keeping the id sent); existing rows that are not sent are removed.
    /// </summary>
    MergeByObjectId = 1,

    /// <summary>
    /// Like <see cref="Replace"/>, but every row gets a new <c>ObjectId</c>, whatever it was sent with (on create as
    /// well as on update): the behaviour of a server that rebuilds the table. Anything keyed by a row id is orphaned.
    /// </summary>
    ReplaceWithNewIds = 2,
}
