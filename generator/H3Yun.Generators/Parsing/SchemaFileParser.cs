using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Kinds;
using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;
using H3Yun.Protocol;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Parsing;

/// <summary>
/// Reads one <c>*.h3form.json</c> file into a location-free <see cref="FormSpec"/> and, beside it, where its parts
/// are, reporting every problem at the token that has it. Kinds come from <see cref="DataTypeKinds"/> and
/// <see cref="FieldKinds"/>, names from <see cref="FormNamer"/>. A file with errors in some fields still yields the
/// rest of the form; a file without a usable SchemaCode or Properties yields no form.
/// </summary>
internal static class SchemaFileParser
{
    public static SchemaFile Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var context = new ParseContext(path, text ?? SourceText.From(string.Empty));
        try
        {
            var root = JsonTreeReader.Read(context.Text.ToString(), out var syntaxError);
            cancellationToken.ThrowIfCancellationRequested();
            if (syntaxError is not null)
            {
                context.Report(syntaxError.Span, SchemaDiagnostics.MalformedJson(context.FileName, syntaxError.Message));
            }

            if (root is null)
            {
                return context.Result(null);
            }

            if (root.Kind != JsonKind.Object)
            {
                context.Report(root.Span, SchemaDiagnostics.WrongJsonType(context.FileName, "The schema", "a JSON object with SchemaCode and Properties"));
                return context.Result(null);
            }

            return context.Result(ParseForm(root, context, table: null));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Report(new TextSpan(0, 0), SchemaDiagnostics.InternalError(context.FileName, exception));
            return context.Result(null);
        }
    }

    /// <summary>The table a child form belongs to: its field's code, its default row class, and the form's class.</summary>
    private sealed record ParentTable(string Code, string DefaultClassName, string ParentClassName);

    private static FormSpec? ParseForm(JsonNode node, ParseContext context, ParentTable? table)
    {
        var schemaCode = context.RequiredString(node, "SchemaCode", out var schemaCodeSpan);
        var displayName = context.OptionalString(node, "DisplayName", out var displayNameSpan);
        var writtenClassName = context.OptionalString(node, "ClassName", out var classNameSpan);
        var ns = context.OptionalString(node, "Namespace", out var namespaceSpan);
        if (ns is not null && !Identifiers.IsNamespace(ns))
        {
            context.Report(namespaceSpan!.Value, SchemaDiagnostics.WrongJsonType(context.FileName, "Namespace", "a C# namespace such as Contoso.Forms"));
            ns = null;
        }

        if (schemaCode is null)
        {
            context.Report(schemaCodeSpan ?? OpeningBrace(node), SchemaDiagnostics.MissingSchemaCode(context.FileName));
            return null;
        }

        var propertiesMember = node.Member("Properties");
        if (propertiesMember is null || propertiesMember.Value.Kind != JsonKind.Array)
        {
            context.Report(propertiesMember?.Value.Span ?? schemaCodeSpan!.Value, SchemaDiagnostics.MissingProperties(context.FileName, schemaCode));
            return null;
        }

        displayName ??= schemaCode;
        var classNameSpanOrFallback = classNameSpan ?? displayNameSpan ?? schemaCodeSpan!.Value;
        var namer = FormNamer.ForClass(writtenClassName, table?.DefaultClassName, displayName, schemaCode, table?.ParentClassName, out var classRename);
        Report(context, classNameSpanOrFallback, classRename, "ClassName", schemaCode, namer.ClassName, "ClassName");
        if (table is null)
        {
            context.Anchor(SchemaLocations.SchemaCodeAnchor, schemaCodeSpan!.Value);
            context.Anchor(SchemaLocations.ClassNameAnchor, classNameSpanOrFallback);
        }

        var fields = new List<FieldSpec>();
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in propertiesMember.Value.Items)
        {
            if (ParseField(item, schemaCode, table, namer, seenCodes, context) is { } field)
            {
                fields.Add(field);
            }
        }

        return new FormSpec(schemaCode, displayName, namer.ClassName, ns, fields.ToEquatableArray(), context.Path)
        {
            ClassNameWritten = writtenClassName is not null,
        };
    }

    private static FieldSpec? ParseField(JsonNode item, string formCode, ParentTable? table, FormNamer namer, HashSet<string> seenCodes, ParseContext context)
    {
        if (item.Kind != JsonKind.Object)
        {
            context.Report(item.Span, SchemaDiagnostics.WrongJsonType(context.FileName, "A property of form '" + formCode + "'", "a JSON object with Name, DisplayName and DataType"));
            return null;
        }

        var code = context.RequiredString(item, "Name", out var codeSpan);
        if (code is null)
        {
            context.Report(codeSpan ?? OpeningBrace(item), SchemaDiagnostics.MissingFieldCode(context.FileName, formCode));
            return null;
        }

        if (SystemFields.IsSystemCode(code))
        {
            return null;
        }

        // Every member is read before anything is decided, so that one build reports every wrong JSON type.
        var dataTypeText = context.ScalarText(item, "DataType", out var dataTypeSpan);
        var displayName = context.OptionalString(item, "DisplayName", out _) ?? code;
        var writtenName = context.OptionalString(item, "PropertyName", out var propertyNameSpan);
        var multiple = context.OptionalBoolean(item, "Multiple");
        var formula = context.OptionalBoolean(item, "Formula");
        var association = context.OptionalString(item, "AssociationSchemaCode", out _);
        // A repeated option text would map two enum members to one text; the first one stands.
        var options = context.OptionalStrings(item, "Options", out var optionsSpan);
        options = options.Count > 1 ? options.Distinct(StringComparer.Ordinal).ToEquatableArray() : options;

        if (!seenCodes.Add(code))
        {
            context.Report(codeSpan!.Value, SchemaDiagnostics.DuplicateFieldCode(context.FileName, formCode, code));
            return null;
        }

        if (dataTypeText is null)
        {
            context.Report(dataTypeSpan ?? codeSpan!.Value, SchemaDiagnostics.MissingDataType(context.FileName, formCode, code));
            return null;
        }

        context.Anchor(SchemaLocations.FieldAnchor(table?.Code, code), codeSpan!.Value);
        string dataType;
        FieldKind kind;
        if (BizDataTypes.TryParse(dataTypeText, out var type))
        {
            (dataType, kind) = (type.ToString(), DataTypeKinds.Kind(type));
            if (!BizDataTypes.HasValueFormat(type) || (table is not null && kind == FieldKind.ChildTable))
            {
                context.Report(dataTypeSpan!.Value, SchemaDiagnostics.RawFallback(context.FileName, formCode, code, dataType));
                kind = FieldKind.Raw;
            }
        }
        else if (int.TryParse(dataTypeText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            // A number H3Yun may have added since: kept as raw JSON, so that a pulled form still builds.
            (dataType, kind) = (dataTypeText.Trim(), FieldKind.Raw);
            context.Report(dataTypeSpan!.Value, SchemaDiagnostics.UnknownDataTypeNumber(context.FileName, formCode, code, dataType));
        }
        else
        {
            // A name no BizDataType has is a typo: generating raw JSON would only move the error to the code using it.
            context.Report(dataTypeSpan!.Value, SchemaDiagnostics.UnknownDataType(context.FileName, formCode, code, dataTypeText, BizDataTypes.Closest(dataTypeText)));
            return null;
        }

        if (options.Count > 0 && !BizDataTypes.AllowsOptions(type))
        {
            context.Report(optionsSpan!.Value, SchemaDiagnostics.OptionsNotAllowed(context.FileName, formCode, code, dataType));
            options = EquatableArray<string>.Empty;
        }

        kind = FieldKinds.Variant(kind, options.Count > 0, multiple);
        var propertyName = namer.Property(writtenName, displayName, code, out var rename);
        Report(context, propertyNameSpan ?? codeSpan!.Value, rename, $"Field '{code}'", formCode, propertyName, "PropertyName");

        TableSpec? childTable = null;
        if (kind == FieldKind.ChildTable)
        {
            var childMember = item.Member("ChildSchema");
            if (childMember is null || childMember.Value.Kind != JsonKind.Object)
            {
                context.Report(childMember?.Value.Span ?? codeSpan!.Value, SchemaDiagnostics.MissingChildSchema(context.FileName, formCode, code));
                return null;
            }

            var child = ParseForm(childMember.Value, context, new ParentTable(code, propertyName + "Row", namer.ClassName));
            if (child is null)
            {
                return null;
            }

            var rowClass = namer.Derived(child.ClassName, child.SchemaCode, out var rowRename);
            Report(context, codeSpan!.Value, rowRename is null ? null : rowRename with { Written = child.ClassNameWritten }, $"The row class of child table '{code}'", formCode, rowClass, "ClassName");
            childTable = new TableSpec(child.SchemaCode, child.DisplayName, rowClass, child.Fields);
        }

        string? enumTypeName = null;
        var enumMembers = EquatableArray<string>.Empty;
        if (kind is FieldKind.Option or FieldKind.OptionList)
        {
            enumTypeName = namer.Derived(propertyName + "Option", code, out var enumRename);
            Report(context, codeSpan!.Value, enumRename, $"The option enum of field '{code}'", formCode, enumTypeName, "PropertyName");
            enumMembers = FormNamer.EnumMembers(options);
        }

        string? companionName = null;
        if (FieldKinds.CompanionSuffix(kind) is { } suffix)
        {
            companionName = namer.Derived(propertyName + suffix, code, out var companionRename);
            Report(context, codeSpan!.Value, companionRename, $"The companion of field '{code}'", formCode, companionName, "PropertyName");
        }

        return new FieldSpec(code, displayName, propertyName, kind, dataType)
        {
            Options = options,
            EnumTypeName = enumTypeName,
            EnumMembers = enumMembers,
            CompanionName = companionName,
            ReadOnly = kind == FieldKind.Attachments || formula,
            Multiple = multiple,
            AssociationSchemaCode = association,
            ChildTable = childTable,
        };
    }

    private static void Report(ParseContext context, TextSpan span, Rename? rename, string what, string form, string generated, string member)
    {
        if (rename is not null)
        {
            context.Report(span, SchemaDiagnostics.NameChanged(rename.Written, context.FileName, what, form, generated, rename.Wanted, rename.Reason, member));
        }
    }

    private static TextSpan OpeningBrace(JsonNode node) => new(node.Span.Start, node.Span.Length > 0 ? 1 : 0);
}
