using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Oqjob.Analyzers.Jobs.State
{
    /// <summary>The earliest reference in source order to each symbol, so that a rule reports a member once per body.</summary>
    internal sealed class FirstUses
    {
        private readonly Dictionary<ISymbol, IOperation> earliest = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);

        public void Add(ISymbol symbol, IOperation reference)
        {
            if (!earliest.TryGetValue(symbol, out var known) || reference.Syntax.SpanStart < known.Syntax.SpanStart)
            {
                earliest[symbol] = reference;
            }
        }

        public IEnumerable<(ISymbol Symbol, IOperation Reference)> Items()
        {
            foreach (var pair in earliest)
            {
                yield return (pair.Key, pair.Value);
            }
        }
    }
}
