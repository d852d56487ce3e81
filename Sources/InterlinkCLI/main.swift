import InterlinkCommandLine
import Studies

// The `interlink` tool of this repository: the whole command line over the in-repo catalogue.
await InterlinkTool(catalogue: { try Catalogue.studies() }, studySources: StudiesBuildSources.files, verifiesGallery: true).main()
