using Oqjob.Catalog;

// Usage: Oqjob.Catalog <output.json>
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Oqjob.Catalog <output.json>");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var json = RuleCatalog.ToJson(RuleCatalog.Collect());

// Written next to the target and renamed over it, so a reader never sees half a file.
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var temporary = output + ".tmp";
File.WriteAllText(temporary, json);
File.Move(temporary, output, overwrite: true);
return 0;
