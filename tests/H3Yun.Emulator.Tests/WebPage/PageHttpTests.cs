using System;
using System.Linq;
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
    [InlineData("", 1, false, true)]
    [InlineData("?page=0", 1, false, true)]
    [InlineData("?page=x", 1, false, true)]
    [InlineData("?page=2", 2, true, true)]
    [InlineData("?page=3", 3, true, false)]
    [InlineData("?page=9", 3, true, false)]
    public async Task Records_come_twenty_a_page_with_links_to_the_pages_on_either_side(string query, int page, bool previous, bool next)
    {
        await using var api = await EmulatorSession.StartAsync();
        for (var i = 1; i <= 41; i++)
        {
            await api.CreateAsync("Many", $$"""{"F0000001":"n-{{i:000}}"}""");
        }

        var html = await api.Http.GetStringAsync("/forms/Many" + query);

        Assert.Contains($"41 record(s); page {page} of 3.", html, StringComparison.Ordinal);
        var shown = Enumerable.Range(1, 41).Where(i => html.Contains($">n-{i:000}<", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(((page - 1) * 20) + 1, page == 3 ? 1 : 20), shown);
        Assert.Equal(previous, html.Contains($"<a rel=\"prev\" href=\"/forms/Many?page={page - 1}\">", StringComparison.Ordinal));
        Assert.Equal(next, html.Contains($"<a rel=\"next\" href=\"/forms/Many?page={page + 1}\">", StringComparison.Ordinal));
        Assert.Equal((previous ? 1 : 0) + (next ? 1 : 0), CountOf("<a rel=", html));
    }

    [Fact]
    public async Task Twenty_records_are_one_page_without_links()
    {
        await using var api = await EmulatorSession.StartAsync();
        for (var i = 1; i <= 20; i++)
        {
            await api.CreateAsync("Twenty", $$"""{"F0000001":"n-{{i:000}}"}""");
        }

        var html = await api.Http.GetStringAsync("/forms/Twenty");

        Assert.Contains("20 record(s); page 1 of 1.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav><a rel", html, StringComparison.Ordinal);
        Assert.Equal(0, CountOf("<a rel=", html));
    }

    [Fact]
    public async Task A_search_pages_through_the_matches_only()
    {
        await using var api = await EmulatorSession.StartAsync();
        for (var i = 1; i <= 30; i++)
        {
            await api.CreateAsync("Mixed", $$"""{"F0000001":"{{(i % 6 == 0 ? "other" : "hit")}} n-{{i:000}}"}""");
        }

        var html = await api.Http.GetStringAsync("/forms/Mixed?q=hit&page=2");

        Assert.Contains("25 of 30 record(s) match “hit”; page 2 of 2.", html, StringComparison.Ordinal);
        var shown = Enumerable.Range(1, 30).Where(i => html.Contains($"n-{i:000}<", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 6 != 0).Skip(20), shown);
        Assert.Contains("<a rel=\"prev\" href=\"/forms/Mixed?page=1&amp;q=hit\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_finds_text_in_any_child_row_not_only_the_first()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        await api.CreateAsync(EmulatorSession.OrderForm, """{"F0000001":"with lines","D000100FLines":[{"F0000011":"bolt"},{"F0000011":"washer"}]}""");
        await api.CreateAsync(EmulatorSession.OrderForm, """{"F0000001":"without lines"}""");

        var html = await api.Http.GetStringAsync("/forms/" + EmulatorSession.OrderForm + "?q=WASHER");

        Assert.Contains("1 of 2 record(s) match “WASHER”", html, StringComparison.Ordinal);
        Assert.Contains(">with lines<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fault_queue_shows_queued_faults_without_random_rules_and_rules_without_queued_faults()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueApiError("busy");

        var queuedOnly = await api.Http.GetStringAsync("/");
        api.Emulator.Faults.Clear();
        api.Emulator.Faults.InjectRandomly(EmulatorFault.ConnectionReset(), 0.5, seed: 1);
        var rulesOnly = await api.Http.GetStringAsync("/");

        Assert.DoesNotContain("No faults queued.", queuedOnly, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>Successful:false &quot;busy&quot;, not processed</td><td>any request</td></tr>", queuedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("No faults queued.", rulesOnly, StringComparison.Ordinal);
        Assert.Contains("<tr><td>random</td>", rulesOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forms_prefix_alone_is_no_form()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.Http.GetAsync("/forms/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int CountOf(string text, string html)
    {
        var count = 0;
        for (var at = html.IndexOf(text, StringComparison.Ordinal); at >= 0; at = html.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
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
