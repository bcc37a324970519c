using System;
using System.Net;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.WebPage;

/// <summary>The web page over plain HTTP: what it serves, what it refuses, and that everything shown is encoded.</summary>
public class PageHttpTests
{
    [Fact]
    public async Task The_root_is_an_HTML_page_that_is_not_cached_and_does_not_enter_the_request_log()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("No requests yet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(api.Emulator.Requests);
    }

    [Fact]
    public async Task A_schema_less_form_shows_its_records_with_whatever_members_they_have_encoded()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("<script>x</script>", """{"F0000001":"<img src=x onerror=alert(1)>"}""");

        var overview = await api.Http.GetStringAsync("/");
        var form = await api.Http.GetStringAsync("/forms/" + Uri.EscapeDataString("<script>x</script>"));

        Assert.DoesNotContain("<script>x", overview, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", overview, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", form, StringComparison.Ordinal);
        Assert.Contains("1 record(s); page 1 of 1.", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_is_shown_back_encoded_and_pages_carry_it()
    {
        await using var api = await EmulatorSession.StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await api.CreateAsync("FormA", $$"""{"F0000001":"<b>match {{i}}</b>"}""");
        }

        var form = await api.Http.GetStringAsync("/forms/FormA?q=" + Uri.EscapeDataString("<b>match"));

        Assert.Contains("value=\"&lt;b&gt;match\"", form, StringComparison.Ordinal);
        Assert.Contains("25 of 25 record(s) match", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/forms/FormA?page=2&amp;q=%3Cb%3Ematch\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>match", form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/nothing", HttpStatusCode.NotFound)]
    [InlineData("POST", "/", HttpStatusCode.NotFound)]
    [InlineData("GET", "/OpenApi/Invoke", HttpStatusCode.MethodNotAllowed)]
    public async Task Other_paths_and_methods_are_refused(string method, string path, HttpStatusCode expected)
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.Http.SendAsync(new System.Net.Http.HttpRequestMessage(new System.Net.Http.HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
    }
}
