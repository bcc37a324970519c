using Xunit.Sdk;

namespace H3Yun.Runtime.Tests;

/// <summary>The comparison helper fails when a member H3Yun requires as a JSON string is sent as JSON itself.</summary>
public class JsonAssertTests
{
    private const string Expected = """
        {"ActionName":"CreateBizObjects","SchemaCode":"S","Filter":"{\"FromRowNum\":0}","BizObject":"{\"F0000001\":\"Dune\"}","BizObjectArray":["{\"F0000001\":\"Dune\"}"]}
        """;

    [Fact]
    public void Bodies_that_differ_only_in_order_spacing_and_number_format_are_equivalent()
    {
        JsonAssert.Equivalent(
            Expected,
            """{ "BizObjectArray": [ "{ \"F0000001\" : \"Dune\" }" ], "BizObject": "{\"F0000001\": \"Dune\"}", "Filter": "{\"FromRowNum\": 0.0}", "SchemaCode": "S", "ActionName": "CreateBizObjects" }""");
    }

    [Theory]
    [InlineData("""{"ActionName":"CreateBizObjects","SchemaCode":"S","Filter":{"FromRowNum":0},"BizObject":"{\"F0000001\":\"Dune\"}","BizObjectArray":["{\"F0000001\":\"Dune\"}"]}""", "Filter must be a JSON string")]
    [InlineData("""{"ActionName":"CreateBizObjects","SchemaCode":"S","Filter":"{\"FromRowNum\":0}","BizObject":{"F0000001":"Dune"},"BizObjectArray":["{\"F0000001\":\"Dune\"}"]}""", "BizObject must be a JSON string")]
    [InlineData("""{"ActionName":"CreateBizObjects","SchemaCode":"S","Filter":"{\"FromRowNum\":0}","BizObject":"{\"F0000001\":\"Dune\"}","BizObjectArray":[{"F0000001":"Dune"}]}""", "BizObjectArray[0] must be a JSON string")]
    [InlineData("""{"ActionName":"CreateBizObjects","SchemaCode":"S","Filter":"{\"FromRowNum\":0}","BizObject":"{\"F0000001\":\"Dune\"}","BizObjectArray":"[{\"F0000001\":\"Dune\"}]"}""", "BizObjectArray must be an array of JSON strings")]
    public void A_body_that_sends_JSON_where_H3Yun_requires_a_JSON_string_fails(string actual, string reason)
    {
        var failure = Assert.ThrowsAny<XunitException>(() => JsonAssert.Equivalent(Expected, actual));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_the_BizObject_of_a_body_that_sent_it_as_an_object_fails()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => JsonAssert.BizObjectText("""{"BizObject":{"F0000001":"Dune"}}"""));

        Assert.Contains("BizObject must be a JSON string", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_values_inside_the_strings_still_differ()
    {
        Assert.ThrowsAny<XunitException>(() => JsonAssert.Equivalent(Expected, Expected.Replace("Dune\\\"}\"]", "Dune Messiah\\\"}\"]", StringComparison.Ordinal)));
    }
}
