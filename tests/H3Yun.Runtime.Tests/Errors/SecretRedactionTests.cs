namespace H3Yun.Runtime.Tests;

/// <summary>The EngineSecret is masked in every form a server or proxy might echo it in.</summary>
public class SecretRedactionTests
{
    private const string Secret = "ab+c/d=EF";

    [Theory]
    [InlineData("header ab+c/d=EF echoed", "header *** echoed")]
    [InlineData("""json "ab\u002Bc\/d\u003dEF" """, """json "***" """)]
    [InlineData("""json "ab\u002bc\u002Fd=EF" """, """json "***" """)]
    [InlineData("url ab%2Bc%2fd%3DEF&x=1", "url ***&x=1")]
    [InlineData("""all \u0061\u0062\u002b\u0063\u002f\u0064\u003d\u0045\u0046!""", "all ***!")]
    [InlineData("twice ab+c/d=EFab+c/d=EF", "twice ******")]
    public void Every_echoed_form_of_the_secret_is_masked(string echoed, string expected)
    {
        Assert.Equal(expected, new SecretRedactor(Secret).Redact(echoed));
    }

    [Theory]
    [InlineData("ab+c/d=EX")]
    [InlineData("AB+C/D=EF")]
    [InlineData("ab c/d=EF")]
    public void Text_that_only_resembles_the_secret_is_unchanged(string text)
    {
        Assert.Equal(text, new SecretRedactor(Secret).Redact(text));
    }
}
