using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Oqjob.Analyzers.Jobs;

namespace Oqjob.Analyzers.Rules.ErrorsAndOutput
{
    /// <summary>
    /// OQJ6004: a logging pipeline of the job's own, anywhere in the job: console writes, Debug
    /// and Trace output, a LoggerFactory built in the job, or a logging library (Serilog, NLog,
    /// log4net). Everything is matched by symbol, so a module's own type named Console or Log is
    /// not a finding. One finding per body and kind of pipeline, at its first use.
    /// </summary>
    internal static class CustomLoggingRule
    {
        private static readonly string[] ConsoleWrites = { "Write", "WriteLine", "Out", "Error", "OpenStandardOutput", "OpenStandardError" };

        private static readonly string[] DiagnosticsWrites =
        {
            "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail",
            "TraceInformation", "TraceWarning", "TraceError", "Listeners",
        };

        // Root namespaces of the logging libraries: their types live in these namespaces or below.
        private static readonly string[] LoggingLibraryNamespaces = { "Serilog", "NLog", "log4net" };

        public static void Analyze(JobReport report)
        {
            foreach (var body in report.Model.AllBodies)
            {
                AnalyzeBody(report, body);
            }
        }

        private static void AnalyzeBody(JobReport report, MemberBody body)
        {
            // In source order, innermost first, so a fluent chain is reported where it starts. Only
            // the logging uses are sorted, because most operations of a body are not logging calls.
            var uses = new List<(IOperation Operation, string Kind, string Description)>();
            foreach (var operation in body.Operations())
            {
                var use = FindLoggingUse(operation, report.Symbols);
                if (use != null)
                {
                    uses.Add((operation, use.Value.Kind, use.Value.Description));
                }
            }

            var reportedKinds = new HashSet<string>();
            foreach (var use in uses.OrderBy(use => use.Operation.Syntax.SpanStart).ThenBy(use => use.Operation.Syntax.Span.Length))
            {
                if (reportedKinds.Add(use.Kind))
                {
                    report.Report(Descriptors.CustomLogging, use.Operation.Syntax.GetLocation(), body.Member, use.Description);
                }
            }
        }

        private static (string Kind, string Description)? FindLoggingUse(IOperation operation, ErrorsAndOutputSymbols symbols)
        {
            var member = ReferencedMember(operation);
            if (member == null)
            {
                return null;
            }

            var type = member.ContainingType?.OriginalDefinition;
            if (IsType(type, symbols.Console) && Array.IndexOf(ConsoleWrites, member.Name) >= 0)
            {
                return ("Console", "Console." + member.Name);
            }

            if ((IsType(type, symbols.Debug) || IsType(type, symbols.Trace)) && Array.IndexOf(DiagnosticsWrites, member.Name) >= 0)
            {
                return (type!.Name, type.Name + "." + member.Name);
            }

            if (IsType(type, symbols.LoggerFactory))
            {
                return FindLoggerFactoryUse(operation, member);
            }

            var library = LoggingLibraryOf(type);
            return library == null ? null : ((string Kind, string Description)?)(library, "the logging library " + library + " (" + type!.ToDisplayString() + ")");
        }

        /// <summary>A LoggerFactory instance used through ILoggerFactory is fine; only creating one is a pipeline.</summary>
        private static (string Kind, string Description)? FindLoggerFactoryUse(IOperation operation, ISymbol member)
        {
            if (operation is IObjectCreationOperation)
            {
                return ("LoggerFactory", "a new LoggerFactory");
            }

            return member.Name == "Create" && member.IsStatic ? ("LoggerFactory", "LoggerFactory.Create") : ((string, string)?)null;
        }

        /// <summary>The member that an invocation, object creation or member reference uses.</summary>
        private static ISymbol? ReferencedMember(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return invocation.TargetMethod;
                case IObjectCreationOperation creation:
                    return creation.Constructor;
                case IMemberReferenceOperation reference:
                    return reference.Member;
                default:
                    return null;
            }
        }

        private static bool IsType(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        {
            return expected != null && SymbolEqualityComparer.Default.Equals(type, expected);
        }

        private static string? LoggingLibraryOf(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            if (ns == null)
            {
                return null;
            }

            // Only the root namespace decides, so Sample.Serilog.Log is a module's own type.
            while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                ns = parent;
            }

            foreach (var library in LoggingLibraryNamespaces)
            {
                if (string.Equals(ns.Name, library, StringComparison.Ordinal))
                {
                    return library;
                }
            }

            return null;
        }
    }
}
