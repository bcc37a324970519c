using System;

namespace H3Yun.Emulator.Protocol;

/// <summary>
/// A request H3Yun would refuse. Thrown from deep inside parsing and validation and turned into
/// <c>Successful:false</c> with <see cref="Exception.Message"/> as the <c>ErrorMessage</c>.
/// </summary>
internal sealed class H3RequestException : Exception
{
    public H3RequestException()
    {
    }

    public H3RequestException(string message)
        : base(message)
    {
    }

    public H3RequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
