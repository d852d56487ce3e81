// The umbrella module a study imports: `import Interlink` brings every layer of the toolkit.
//
// Re-exports, leaves first: the physics core, statistics over GSL, figures over Cairo/Pango, the
// Monte Carlo engine, the notebook (studies, sweeps, runner, cache) and reports.
@_exported import InterlinkArchitecture
@_exported import InterlinkCircuits
@_exported import InterlinkCluster
@_exported import InterlinkCore
@_exported import InterlinkEval
@_exported import InterlinkNotebook
@_exported import InterlinkPhysics
@_exported import InterlinkPartition
@_exported import InterlinkPlot
@_exported import InterlinkReport
@_exported import InterlinkSim
@_exported import InterlinkStats
