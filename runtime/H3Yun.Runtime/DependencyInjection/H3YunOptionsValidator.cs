using Microsoft.Extensions.Options;

namespace H3Yun;

/// <summary>Validates one engine's options at start-up, naming each wrong key as the configuration spells it.</summary>
internal sealed class H3YunOptionsValidator(string name, string? configurationPath) : IValidateOptions<H3YunClientOptions>
{
    public ValidateOptionsResult Validate(string? name1, H3YunClientOptions options)
    {
        if (!string.Equals(name1, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = options.Problems(key => configurationPath is null ? $"H3YunClientOptions.{key}" : H3YunConfiguration.Key(configurationPath, key));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
