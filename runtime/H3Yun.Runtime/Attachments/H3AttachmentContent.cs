namespace H3Yun;

/// <summary>
/// A downloaded attachment: its bytes as a stream read from the network as you read it (never held whole), and the
/// file name and type H3Yun gave. Dispose it to release the connection.
/// </summary>
public sealed class H3AttachmentContent : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal H3AttachmentContent(HttpResponseMessage response, Stream content, string? fileName)
    {
        _response = response;
        Content = content;
        FileName = fileName;
        ContentType = response.Content.Headers.ContentType?.MediaType;
        Length = response.Content.Headers.ContentLength;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, URL-decoded, when H3Yun sent one.</summary>
    public string? FileName { get; }

    /// <summary>The MIME type H3Yun sent.</summary>
    public string? ContentType { get; }

    /// <summary>The size in bytes, when H3Yun said it.</summary>
    public long? Length { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
