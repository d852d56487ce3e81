import InterlinkCommandLine

// The whole `interlink` command line over this package's two studies.
await InterlinkTool(
    catalogue: { try StudyCatalogue([ConvertedLinkStudy(), CollectionEfficiencyStudy()]) },
    studySources: ExampleNotebookBuildSources.files
).main()
