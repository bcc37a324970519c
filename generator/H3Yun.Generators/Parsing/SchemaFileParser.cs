using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Parsing;

/// <summary>
/// Reads one <c>*.h3form.json</c> file into a <see cref="FormSpec"/>, reporting every problem at the token that has
/// it. A file with errors in some fields still yields the rest of the form; a file without a usable SchemaCode
/// or Properties yields no form.
/// </summary>
internal static class SchemaFileParser
{
    private static readonly string[] FormMembers =
    [
        "ObjectId", "Name", "CreatedBy", "CreatedByObject", "OwnerId", "OwnerIdObject", "OwnerDeptId", "OwnerDeptIdObject",
        "CreatedTime", "ModifiedBy", "ModifiedByObject", "ModifiedTime", "WorkflowInstanceId", "Status", "SeqNo",
        "SchemaCode", "FormInfo", "Fields", "Where", "Options", "FieldCount",
    ];

    private static readonly string[] RowMembers = ["ObjectId", "ParentObjectId", "Name", "SchemaCode", "Fields", "Options", "FieldCount"];

    private static readonly string[] InheritedMembers =
    [
        "HasChanges", "AcceptChanges", "ReadField", "WriteFields", "ShouldWrite", "ShouldWriteTable", "OnFieldAssigned",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    ];

    public static SchemaFile Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var context = new ParseContext(path, text ?? SourceText.From(string.Empty));
        try
        {
            var root = JsonTreeReader.Read(context.Text.ToString(), out var syntaxError);
            cancellationToken.ThrowIfCancellationRequested();
            if (root is null)
            {
                context.Report(DiagnosticDescriptors.MalformedJson, syntaxError!.Span, FileName(path), syntaxError.Message);
                return context.Result(null);
            }

            if (root.Kind != JsonKind.Object)
            {
                context.Report(DiagnosticDescriptors.WrongJsonType, root.Span, "The schema", FileName(path), "a JSON object with SchemaCode and Properties");
                return context.Result(null);
            }

            var form = ParseForm(root, context, parentClassName: null, defaultClassName: null);
            return context.Result(form);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Report(DiagnosticDescriptors.InternalError, new TextSpan(0, 0), FileName(path), exception.GetType().Name + ": " + exception.Message);
            return context.Result(null);
        }
    }

    private static FormSpec? ParseForm(JsonNode node, ParseContext context, string? parentClassName, string? defaultClassName)
    {
        var schemaCode = context.RequiredString(node, "SchemaCode", out var schemaCodeSpan);
        if (schemaCode is null)
        {
            context.Report(DiagnosticDescriptors.MissingSchemaCode, schemaCodeSpan ?? OpeningBrace(node), FileName(context.Path));
            return null;
        }

        var displayName = context.OptionalString(node, "DisplayName", out var displayNameSpan) ?? schemaCode;
        var explicitClassName = context.OptionalString(node, "ClassName", out var classNameSpan);
        var ns = context.OptionalString(node, "Namespace", out var namespaceSpan);
        if (ns is not null && !Identifiers.IsNamespace(ns))
        {
            context.Report(DiagnosticDescriptors.WrongJsonType, namespaceSpan!.Value, "Namespace", FileName(context.Path), "a C# namespace such as Contoso.Forms");
            ns = null;
        }

        var propertiesMember = node.Member("Properties");
        if (propertiesMember is null || propertiesMember.Value.Kind != JsonKind.Array)
        {
            context.Report(DiagnosticDescriptors.MissingProperties, propertiesMember?.Value.Span ?? schemaCodeSpan!.Value, schemaCode);
            return null;
        }

        var className = ChooseClassName(explicitClassName, defaultClassName, displayName, schemaCode, parentClassName, context, classNameSpan ?? displayNameSpan ?? schemaCodeSpan!.Value);
        var isChild = parentClassName is not null;
        var scope = new NameScope((isChild ? RowMembers : FormMembers).Concat(InheritedMembers).Append(className));
        var fields = new List<FieldSpec>();
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in propertiesMember.Value.Items)
        {
            var field = ParseField(item, schemaCode, isChild, className, scope, seenCodes, context);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return new FormSpec(schemaCode, displayName, className, ns, fields.ToEquatableArray(), context.Path)
        {
            SchemaCodeLocation = context.Locate(schemaCodeSpan!.Value),
            ClassNameLocation = context.Locate(classNameSpan ?? displayNameSpan ?? schemaCodeSpan!.Value),
        };
    }

    private static FieldSpec? ParseField(
        JsonNode item, string formCode, bool isChild, string className, NameScope scope, HashSet<string> seenCodes, ParseContext context)
    {
        if (item.Kind != JsonKind.Object)
        {
            context.Report(DiagnosticDescriptors.WrongJsonType, item.Span, "A property of form '" + formCode + "'", FileName(context.Path), "a JSON object with Name, DisplayName and DataType");
            return null;
        }

        var code = context.RequiredString(item, "Name", out var codeSpan);
        if (code is null)
        {
            context.Report(DiagnosticDescriptors.MissingFieldCode, codeSpan ?? OpeningBrace(item), formCode);
            return null;
        }

        if (BizDataTypes.SystemFieldCodes.Contains(code))
        {
            return null;
        }

        if (!seenCodes.Add(code))
        {
            context.Report(DiagnosticDescriptors.DuplicateFieldCode, codeSpan!.Value, formCode, code);
            return null;
        }

        var dataTypeText = context.ScalarText(item, "DataType", out var dataTypeSpan);
        if (dataTypeText is null)
        {
            context.Report(DiagnosticDescriptors.MissingDataType, dataTypeSpan ?? codeSpan!.Value, formCode, code);
            return null;
        }

        if (!BizDataTypes.TryResolve(dataTypeText, out var dataType, out var kind, out var modelled))
        {
            context.Report(DiagnosticDescriptors.UnknownDataType, dataTypeSpan!.Value, formCode, code, dataTypeText, BizDataTypes.KnownNames);
        }
        else if (!modelled || (isChild && kind == FieldKind.ChildTable))
        {
            context.Report(DiagnosticDescriptors.RawFallback, dataTypeSpan!.Value, formCode, code, dataType);
            kind = FieldKind.Raw;
        }

        var displayName = context.OptionalString(item, "DisplayName", out _) ?? code;
        var multiple = context.OptionalBoolean(item, "Multiple");
        // A repeated option text would map two enum members to one text; the first one stands.
        var options = context.OptionalStrings(item, "Options", out var optionsSpan).Distinct(StringComparer.Ordinal).ToEquatableArray();
        if (options.Count > 0 && !BizDataTypes.AllowsOptions(dataType))
        {
            context.Report(DiagnosticDescriptors.OptionsNotAllowed, optionsSpan!.Value, formCode, code, dataType);
            options = EquatableArray<string>.Empty;
        }

        kind = (kind, options.Count > 0, multiple) switch
        {
            (FieldKind.Text, true, false) => FieldKind.Option,
            (FieldKind.Text, true, true) => FieldKind.OptionList,
            (FieldKind.Text, false, true) => FieldKind.TextList,
            (FieldKind.Unit, _, true) => FieldKind.UnitList,
            (FieldKind.Association, _, true) => FieldKind.AssociationList,
            _ => kind,
        };

        var explicitName = context.OptionalString(item, "PropertyName", out var propertyNameSpan);
        var propertyName = ClaimPropertyName(explicitName, displayName, code, formCode, scope, context, propertyNameSpan ?? codeSpan!.Value);

        TableSpec? childTable = null;
        if (kind == FieldKind.ChildTable)
        {
            var childMember = item.Member("ChildSchema");
            if (childMember is null || childMember.Value.Kind != JsonKind.Object)
            {
                context.Report(DiagnosticDescriptors.MissingChildSchema, childMember?.Value.Span ?? codeSpan!.Value, formCode, code);
                return null;
            }

            var child = ParseForm(childMember.Value, context, className, defaultClassName: propertyName + "Row");
            if (child is null)
            {
                return null;
            }

            var rowClass = scope.Claim(child.ClassName, child.SchemaCode, out _);
            childTable = new TableSpec(child.SchemaCode, child.DisplayName, rowClass, child.Fields);
        }

        var (enumTypeName, enumMembers) = kind is FieldKind.Option or FieldKind.OptionList
            ? (scope.Claim(propertyName + "Option", code, out _), EnumMemberNames(options))
            : (null, EquatableArray<string>.Empty);
        string? companionSuffix = kind switch
        {
            FieldKind.Option => "Text",
            FieldKind.OptionList => "Texts",
            FieldKind.Unit => "Object",
            FieldKind.UnitList => "Objects",
            _ => null,
        };

        return new FieldSpec(code, displayName, propertyName, kind, dataType)
        {
            Options = options,
            EnumTypeName = enumTypeName,
            EnumMembers = enumMembers,
            CompanionName = companionSuffix is null ? null : scope.Claim(propertyName + companionSuffix, code, out _),
            ReadOnly = kind == FieldKind.Attachments || context.OptionalBoolean(item, "Formula"),
            Multiple = multiple,
            AssociationSchemaCode = context.OptionalString(item, "AssociationSchemaCode", out _),
            ChildTable = childTable,
            Location = context.Locate(codeSpan!.Value),
        };
    }

    private static EquatableArray<string> EnumMemberNames(EquatableArray<string> options)
    {
        var scope = new NameScope(["value__"]);
        var names = new List<string>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            names.Add(scope.Claim(Identifiers.FromText(options[i]) ?? "Option" + (i + 1), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        }

        return names.ToEquatableArray();
    }

    // Members the class itself declares: a class cannot share a name with them (CS0542).
    private static readonly string[] FormClassMembers = ["SchemaCode", "FormInfo", "Fields", "Where", "Options"];
    private static readonly string[] RowClassMembers = ["SchemaCode", "Fields", "Options"];

    private static string ChooseClassName(
        string? explicitName, string? defaultName, string displayName, string schemaCode, string? parentClassName, ParseContext context, TextSpan span)
    {
        var chosen = ChooseClassNameAsWritten(explicitName, defaultName, displayName, schemaCode, parentClassName, context, span);
        string? reason = null;
        var fixedName = chosen;
        if ((parentClassName is null ? FormClassMembers : RowClassMembers).Contains(chosen))
        {
            reason = $"the class declares a member named '{chosen}'";
            fixedName = chosen + "_";
        }
        else if (chosen.All(static c => c is >= 'a' and <= 'z'))
        {
            // CS8981: such names may become keywords, and generated code must compile without warnings.
            reason = "a type name of only lower-case ASCII letters may become a C# keyword";
            fixedName = char.ToUpperInvariant(chosen[0]) + chosen.Substring(1);
        }

        if (reason is null)
        {
            return chosen;
        }

        if (fixedName == parentClassName)
        {
            fixedName += "_";
        }

        context.Report(DiagnosticDescriptors.NameChanged, span, "ClassName", schemaCode, fixedName, chosen, reason, "ClassName");
        return fixedName;
    }

    private static string ChooseClassNameAsWritten(
        string? explicitName, string? defaultName, string displayName, string schemaCode, string? parentClassName, ParseContext context, TextSpan span)
    {
        var derived = defaultName ?? Identifiers.FromText(displayName) ?? Identifiers.FromText(schemaCode) ?? "Form";
        if (explicitName is null)
        {
            return Identifiers.IsKeyword(derived) ? derived + "_" : derived;
        }

        if (Identifiers.IsUsable(explicitName) && explicitName != parentClassName)
        {
            return explicitName;
        }

        var fixedName = Identifiers.FromText(explicitName, pascalCase: false) is { } cleaned && Identifiers.IsUsable(cleaned) && cleaned != parentClassName
            ? cleaned
            : derived + "_";
        context.Report(DiagnosticDescriptors.NameChanged, span, "ClassName", schemaCode, fixedName, explicitName, "it is not a usable C# type name", "ClassName");
        return fixedName;
    }

    private static string ClaimPropertyName(
        string? explicitName, string displayName, string code, string formCode, NameScope scope, ParseContext context, TextSpan span)
    {
        var wanted = explicitName is not null && Identifiers.FromText(explicitName, pascalCase: false) is { } cleanedExplicit
            ? cleanedExplicit
            : Identifiers.FromText(displayName) ?? Identifiers.FromText(code) ?? "Field";
        var name = scope.Claim(wanted, code, out var reason);
        if (explicitName is not null && name != explicitName)
        {
            reason ??= $"'{explicitName}' is not a valid C# identifier";
        }

        if (reason is not null)
        {
            context.Report(DiagnosticDescriptors.NameChanged, span, $"Field '{code}'", formCode, name, explicitName ?? wanted, reason, "PropertyName");
        }

        return name;
    }

    private static TextSpan OpeningBrace(JsonNode node) => new(node.Span.Start, node.Span.Length > 0 ? 1 : 0);

    private static string FileName(string path) => System.IO.Path.GetFileName(path);
}
