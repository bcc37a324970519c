using System;

namespace H3Yun.Emulator.Hosting;

internal abstract record EmulatorFault;

internal sealed record HttpStatusFault(int Status, string? Body, TimeSpan? RetryAfter) : EmulatorFault;

internal sealed record ApiErrorFault(string ErrorMessage) : EmulatorFault;

internal sealed record MalformedResponseFault(string RawBody) : EmulatorFault;

internal sealed record DelayFault(TimeSpan Delay) : EmulatorFault;
