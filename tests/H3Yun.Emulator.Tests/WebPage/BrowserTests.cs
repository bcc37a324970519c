using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using OpenQA.Selenium;
using Xunit;

namespace H3Yun.Emulator.Tests.WebPage;

/// <summary>
/// The emulator's web page in a real headless browser: a record created through the OpenApi shows up with its child
/// rows, records page, and the request log and the fault queue show what happened, with the secret masked.
/// </summary>
[Collection(BrowserTestsRunAlone.Name)]
public class BrowserTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Fact]
    public async Task A_record_created_through_the_OpenApi_shows_on_the_page_with_its_child_rows()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        using var chromium = new HeadlessChromium();
        var id = await api.CreateAsync(Order, """{"F0000001":"螺丝订单 <b>bold</b>","F0000002":12.5,"D000100FLines":[{"F0000011":"螺丝","F0000013":0.5}]}""");

        chromium.Page.Navigate().GoToUrl(api.Emulator.BaseAddress);
        var forms = chromium.Page.FindElement(By.Id("forms"));
        Assert.Contains("订单", forms.Text, StringComparison.Ordinal);
        forms.FindElement(By.LinkText(Order)).Click();

        var record = chromium.Page.FindElement(By.CssSelector($"#records tr[data-object-id='{id}']"));
        Assert.Contains("螺丝订单 <b>bold</b>", record.Text, StringComparison.Ordinal);
        Assert.Empty(chromium.Page.FindElements(By.CssSelector("#records b")));
        var childRow = record.FindElement(By.CssSelector("table.child-table tr[data-object-id]"));
        Assert.Contains("螺丝", childRow.Text, StringComparison.Ordinal);
        Assert.Contains("0.5", childRow.Text, StringComparison.Ordinal);
        Assert.Contains("F0000011", chromium.Page.FindElement(By.Id("fields")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_shows_each_envelope_and_answer_with_the_secret_masked_and_the_fault_queue_its_faults()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        using var chromium = new HeadlessChromium();
        // A careless client that echoes its secret into a body: the page must still not show it.
        var created = await api.SucceedAsync($$"""{"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":"{\"F0000001\":\"logged\"}","IsSubmit":true,"Note":"{{api.Emulator.EngineSecret}}"}""");
        var id = (string)created["BizObjectId"]!;
        api.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenDropConnection(), "CreateBizObjects");
        api.Emulator.Faults.InjectRandomly(EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(5)), 0.25, seed: 42, actionName: "LoadBizObjects");

        chromium.Page.Navigate().GoToUrl(api.Emulator.BaseAddress);

        var faults = chromium.Page.FindElement(By.Id("faults")).Text;
        Assert.Contains("process, then drop the connection", faults, StringComparison.Ordinal);
        Assert.Contains("CreateBizObjects", faults, StringComparison.Ordinal);
        Assert.Contains("probability 0.25, seed 42", faults, StringComparison.Ordinal);
        var request = chromium.Page.FindElement(By.CssSelector("#requests tr[data-sequence='1']"));
        Assert.Contains("CreateBizObject", request.Text, StringComparison.Ordinal);
        Assert.Contains("Succeeded", request.Text, StringComparison.Ordinal);
        request.FindElement(By.TagName("summary")).Click();
        Assert.Contains("logged", request.FindElement(By.CssSelector("pre.envelope")).Text, StringComparison.Ordinal);
        Assert.Contains("***", request.FindElement(By.CssSelector("pre.envelope")).Text, StringComparison.Ordinal);
        Assert.Contains(id, request.FindElement(By.CssSelector("pre.answer")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Emulator.EngineSecret, chromium.Page.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_are_paged_twenty_at_a_time()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        using var chromium = new HeadlessChromium();
        var items = string.Join(',', Enumerable.Range(1, 23).Select(i => EmulatorSession.Quote($$"""{"F0000001":"order {{i}}"}""")));
        await api.SucceedAsync($$"""{"ActionName":"CreateBizObjects","SchemaCode":"{{Order}}","BizObjectArray":[{{items}}],"IsSubmit":true}""");

        chromium.Page.Navigate().GoToUrl(new Uri(api.Emulator.BaseAddress, $"forms/{Order}"));
        var first = chromium.Page.FindElements(By.CssSelector("#records table.record-table > tbody > tr[data-object-id]"));
        Assert.Contains("23 record(s); page 1 of 2.", chromium.Page.FindElement(By.CssSelector("#records .paging")).Text, StringComparison.Ordinal);
        chromium.Page.FindElement(By.CssSelector("a[rel='next']")).Click();
        var second = chromium.Page.FindElements(By.CssSelector("#records table.record-table > tbody > tr[data-object-id]"));

        Assert.Equal(20, first.Count);
        Assert.Equal(3, second.Count);
        Assert.Contains("order 23", second[^1].Text, StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", chromium.Page.FindElement(By.CssSelector("#records .paging")).Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The record table as a person reads it: columns headed by the fields' names (the code in a tooltip and small
    /// text), the form's own fields before the eleven system fields, times with their zone, and a search box that
    /// finds records on any page.
    /// </summary>
    [Fact]
    public async Task Records_show_names_user_fields_first_times_with_their_zone_and_a_search_box_finds_them()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        using var chromium = new HeadlessChromium();
        var items = string.Join(',', Enumerable.Range(1, 23).Select(i => EmulatorSession.Quote($$"""{"F0000001":"order {{i}}","F0000003":"2026-12-06 18:40:15","D000100FLines":[{"F0000011":"line of {{i}}","F0000012":"2026-12-07"}]}""")));
        await api.SucceedAsync($$"""{"ActionName":"CreateBizObjects","SchemaCode":"{{Order}}","BizObjectArray":[{{items}}],"IsSubmit":true}""");
        string[] userFields = ["F0000001", "F0000002", "F0000003", "F0000004", "F0000005", "F0000006", "F0000007", "F0000008", "F0000009", "D000100FLines"];

        chromium.Page.Navigate().GoToUrl(new Uri(api.Emulator.BaseAddress, $"forms/{Order}"));
        var headers = chromium.Page.FindElements(By.CssSelector("#records table.record-table > thead > tr > th"));
        var codes = headers.Select(header => header.GetAttribute("title")).ToList();

        Assert.Equal(userFields, codes.Take(userFields.Length));
        Assert.Equal(["ObjectId", "Name", "CreatedBy", "OwnerId", "OwnerDeptId", "CreatedTime", "ModifiedBy", "ModifiedTime", "WorkflowInstanceId", "Status", "SeqNo"], codes.Skip(userFields.Length));
        Assert.Equal("标题\nF0000001", headers[0].Text);
        Assert.Equal("下单时间\nF0000003", headers[2].Text);
        Assert.Equal("明细\nD000100FLines", headers[9].Text);
        var first = chromium.Page.FindElement(By.CssSelector("#records table.record-table > tbody > tr[data-object-id]"));
        var cells = first.FindElements(By.XPath("./td"));
        Assert.Equal("2026/12/6 18:40:15 (UTC+08:00)", cells[codes.IndexOf("F0000003")].Text);
        Assert.EndsWith(" (UTC+08:00)", cells[codes.IndexOf("CreatedTime")].Text, StringComparison.Ordinal);
        var childHeaders = first.FindElements(By.CssSelector("table.child-table > thead > tr > th")).Select(header => header.GetAttribute("title")).ToList();
        Assert.Equal(["F0000011", "F0000012", "F0000013", "ObjectId", "Name", "ParentObjectId"], childHeaders);
        Assert.Contains("2026/12/7 0:00:00 (UTC+08:00)", first.FindElement(By.CssSelector("table.child-table")).Text, StringComparison.Ordinal);
        Assert.Contains("UTC+08:00", chromium.Page.FindElement(By.CssSelector("#records .zone")).Text, StringComparison.Ordinal);

        // On page 1 of 2, a search finds the record on page 2, and by what a child row holds too.
        var search = chromium.Page.FindElement(By.CssSelector("#records form[role='search'] input[type='search']"));
        search.SendKeys("ORDER 23" + Keys.Enter);
        WaitForPage(chromium, "ORDER");
        var found = chromium.Page.FindElements(By.CssSelector("#records table.record-table > tbody > tr[data-object-id]"));
        Assert.Single(found);
        Assert.Contains("order 23", found[0].Text, StringComparison.Ordinal);
        Assert.Contains("1 of 23 record(s) match", chromium.Page.FindElement(By.CssSelector("#records .paging")).Text, StringComparison.Ordinal);
        Assert.Equal("ORDER 23", chromium.Page.FindElement(By.CssSelector("#records input[type='search']")).GetAttribute("value"));

        var again = chromium.Page.FindElement(By.CssSelector("#records input[type='search']"));
        again.Clear();
        again.SendKeys("line of 1" + Keys.Enter);
        WaitForPage(chromium, "line");
        Assert.Equal(11, chromium.Page.FindElements(By.CssSelector("#records table.record-table > tbody > tr[data-object-id]")).Count);

        chromium.Page.Navigate().GoToUrl(api.Emulator.BaseAddress);
        Assert.Contains("Time (UTC+08:00)", chromium.Page.FindElement(By.CssSelector("#requests table tr")).Text, StringComparison.Ordinal);
    }

    // A search submits the form: the next page has come once the address carries the search and it has loaded.
    private static void WaitForPage(HeadlessChromium chromium, string search)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!(chromium.Page.Url.Contains(search, StringComparison.Ordinal)
            && Equals(chromium.Page.ExecuteScript("return document.readyState"), "complete")))
        {
            Assert.True(DateTime.UtcNow < until, $"the search for '{search}' did not load within 20 s: {chromium.Page.Url}");
            Thread.Sleep(50);
        }
    }
}

/// <summary>Browser tests run one at a time: each starts a Chromium, and two at once on two cores only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestsRunAlone
{
    public const string Name = "Browser";
}
