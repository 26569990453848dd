using Oqjob.Analyzers.Rules;
using Oqjob.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Oqjob.Analyzers.Tests.Rules;

/// <summary>The dotnet_diagnostic.OQJ2002.tenant_bound_types option: extra types that OQJ2002 reports.</summary>
public class TenantBoundTypesOptionTests
{
    private const string OptionKey = "dotnet_diagnostic.OQJ2002.tenant_bound_types";

    // Services from a library that is not a module (no Oqtane reference, name without "oqtane"),
    // so that without the option they are ordinary dependencies (OQJ2003).
    private const string Library = """
        namespace Acme.Billing
        {
            public interface IInvoiceStore { }
            public class SqlInvoiceStore : IInvoiceStore { }
            public interface IRepository<T> { }
        }

        namespace Acme.Data.Sql
        {
            public class UnitOfWork { }
        }

        namespace Acme.DataTools
        {
            public class Exporter { }
        }
        """;

    private static string Job(string parameters) => $$"""
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Oqtane.Infrastructure;

        public class BillingJob : HostedServiceBase
        {
            public BillingJob(IServiceScopeFactory factory, {{parameters}}) : base(factory) { }

            public override string ExecuteJob(IServiceProvider provider) => "";
        }
        """;

    private static AnalyzerTest<ConstructorAndScopeAnalyzer> Test(string? option, string parameters)
    {
        var test = new AnalyzerTest<ConstructorAndScopeAnalyzer> { LibraryAssemblyName = "Acme.Billing" };
        test.LibrarySources.Add(Library);
        if (option != null)
        {
            test.GlobalOptions[OptionKey] = option;
        }

        return test.WithSource(Job(parameters));
    }

    [Fact]
    public async Task WithoutOption_LibraryServiceIsOqj2003()
    {
        await Test(null, "{|OQJ2003:Acme.Billing.IInvoiceStore|} store").RunAsync();
    }

    [Fact]
    public async Task ListedInterface_Oqj2002()
    {
        var diagnostic = (await Test("Acme.Billing.IInvoiceStore", "{|OQJ2002:Acme.Billing.IInvoiceStore|} store").RunAsync()).Single();
        Assert.Contains("takes the configured tenant-bound service 'Acme.Billing.IInvoiceStore'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task ImplementationOfListedInterface_Oqj2002()
    {
        await Test("Acme.Billing.IInvoiceStore", "{|OQJ2002:Acme.Billing.SqlInvoiceStore|} store").RunAsync();
    }

    [Fact]
    public async Task CommaAndBarSeparatedWithSpaces_AllListed()
    {
        await Test(
            " Acme.Billing.IInvoiceStore ,Acme.Billing.IRepository| global::Acme.Data.Sql.UnitOfWork ",
            "{|OQJ2002:Acme.Billing.IInvoiceStore|} store, {|OQJ2002:Acme.Billing.IRepository<string>|} names, {|OQJ2002:Acme.Data.Sql.UnitOfWork|} work").RunAsync();
    }

    [Fact]
    public async Task NamespaceWildcard_TakesNestedNamespacesOnly()
    {
        // "Acme.Data.*" covers Acme.Data.Sql but not the namespace Acme.DataTools.
        await Test(
            "Acme.Data.*",
            "{|OQJ2002:Acme.Data.Sql.UnitOfWork|} work, {|OQJ2003:Acme.DataTools.Exporter|} exporter").RunAsync();
    }

    [Fact]
    public async Task UnlistedOrPartialName_StaysOqj2003()
    {
        // Names are namespace-qualified and compared in full: a short name or a prefix matches nothing.
        await Test("IInvoiceStore, Acme.Billing.IInvoice, , ", "{|OQJ2003:Acme.Billing.IInvoiceStore|} store").RunAsync();
    }
}
