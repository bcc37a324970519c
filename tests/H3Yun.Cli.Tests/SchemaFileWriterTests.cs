using System.Text.Json.Nodes;
using H3Yun.Cli.Schemas;

namespace H3Yun.Cli.Tests;

/// <summary>The layout <c>pull</c> writes schema files in, so that a pull changes only the lines of what changed.</summary>
public class SchemaFileWriterTests
{
    [Fact]
    public void A_form_is_written_a_field_a_line_with_child_tables_expanded_and_two_space_indents()
    {
        var form = JsonNode.Parse("""
            { "SchemaCode": "D1", "DisplayName": "订单 \"甲\"", "X": {}, "Y": null, "Z": { "a": [1, "b"], "c": { "d": true } },
              "Properties": [
                { "Name": "F1", "Options": ["红", "绿"], "Note": null },
                { "Name": "T1", "ChildSchema": { "SchemaCode": "T1", "Properties": [] } },
                { "Name": "T2", "ChildSchema": { "SchemaCode": "T2", "Properties": [ { "Name": "F2" } ] } } ] }
            """)!.AsObject();

        var text = SchemaFileWriter.Write(form);

        Assert.Equal(
            """
            {
              "SchemaCode": "D1",
              "DisplayName": "订单 \"甲\"",
              "X": {},
              "Y": null,
              "Z": {
                "a": [1, "b"],
                "c": { "d": true }
              },
              "Properties": [
                { "Name": "F1", "Options": ["红", "绿"], "Note": null },
                {
                  "Name": "T1",
                  "ChildSchema": { "SchemaCode": "T1", "Properties": [] }
                },
                {
                  "Name": "T2",
                  "ChildSchema": {
                    "SchemaCode": "T2",
                    "Properties": [
                      { "Name": "F2" }
                    ]
                  }
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            text);
    }
}
