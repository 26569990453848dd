/**
 * Job base classes. The shared project contains a site-walking base and a generic base; every
 * module project adds an abstract base and a generic intermediate over the shared generic
 * base, so jobs reach HostedServiceBase through one to three classes, some in other projects.
 */
export function sharedBasesSource(): string {
  return `using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Oqtane.Infrastructure;
using Oqtane.Models;
using Oqtane.Repository;

namespace Bench.Jobs.Common
{
    public abstract class SiteJobBase : HostedServiceBase
    {
        protected SiteJobBase(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
        {
        }

        public override string ExecuteJob(IServiceProvider provider)
        {
            var log = "";
            var tenantManager = provider.GetRequiredService<ITenantManager>();
            var sites = provider.GetRequiredService<ISiteRepository>().GetSites().ToList();
            foreach (var site in sites)
            {
                try
                {
                    tenantManager.SetAlias(tenantManager.GetTenant().TenantId, site.SiteId);
                    log += ProcessSite(provider, site);
                }
                catch (Exception ex)
                {
                    log += "Error processing site " + site.Name + ": " + ex.Message + "<br />";
                }
            }

            return log;
        }

        protected abstract string ProcessSite(IServiceProvider provider, Site site);
    }

    public abstract class TypedJobBase<TSettings> : HostedServiceBase where TSettings : new()
    {
        protected TypedJobBase(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
        {
        }

        public override string ExecuteJob(IServiceProvider provider)
        {
            var log = "";
            try
            {
                log += Run(provider, new TSettings());
            }
            catch (Exception ex)
            {
                log += "Error: " + ex.Message;
            }

            return log;
        }

        protected abstract string Run(IServiceProvider provider, TSettings settings);
    }
}
`;
}

export function moduleBasesSource(namespace: string): string {
  return `using System;
using Bench.Jobs.Common;
using Microsoft.Extensions.DependencyInjection;
using Oqtane.Infrastructure;

namespace ${namespace}
{
    public abstract class ModuleJobBase : HostedServiceBase
    {
        protected ModuleJobBase(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
        {
        }

        protected static string Line(string text)
        {
            return text + "<br />";
        }
    }

    public abstract class ModuleTypedJob<TSettings> : TypedJobBase<TSettings> where TSettings : new()
    {
        protected ModuleTypedJob(IServiceScopeFactory serviceScopeFactory) : base(serviceScopeFactory)
        {
        }
    }
}
`;
}
