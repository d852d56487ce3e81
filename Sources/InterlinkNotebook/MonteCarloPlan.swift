import InterlinkCore
import InterlinkCore
import InterlinkStats

/// The trial loop of a Monte Carlo engine: which outputs, how many trials, in what batches.
struct MonteCarloPlan: Sendable {
    enum Stopping: Sendable, Hashable {
        case fixed(trials: Int)
        case precision(MonteCarloPrecision)
    }

    let outputs: [MonteCarloOutput]
    let stopping: Stopping
    let batchSize: Int

    /// Name of the extra metric holding the number of trials run.
    static let trialsMetricName = "trials"

    var description: String {
        let names = outputs.map { $0.unit.isEmpty ? $0.name : "\($0.name) [\($0.unit)]" }.joined(separator: ", ")
        switch stopping {
        case .fixed(let trials):
            return "monteCarlo(\(names); trials \(trials))"
        case .precision(let precision):
            let target: String
            switch precision.target {
            case .absolute(let value): target = "half-width \(value)"
            case .relative(let value): target = "relative half-width \(value)"
            }
            return "monteCarlo(\(names); \(target) at confidence \(precision.confidence), batch \(batchSize), trials \(precision.minimumTrials)...\(precision.maximumTrials))"
        }
    }

    func validate() throws {
        guard !outputs.isEmpty else { throw SweepError("a Monte Carlo engine needs at least one output") }
        let names = outputs.map(\.name)
        if Set(names).count != names.count { throw SweepError("Monte Carlo output names repeat: \(names)") }
        if names.contains(MonteCarloPlan.trialsMetricName) {
            throw SweepError("Monte Carlo output name \"\(MonteCarloPlan.trialsMetricName)\" is reserved for the trial count")
        }
        switch stopping {
        case .fixed(let trials):
            guard trials >= 2 else { throw SweepError("trials must be ≥ 2, got \(trials)") }
        case .precision(let precision):
            guard batchSize >= 2 else { throw SweepError("batchSize must be ≥ 2, got \(batchSize)") }
            guard precision.confidence > 0, precision.confidence < 1 else {
                throw SweepError("confidence must be in (0, 1), got \(precision.confidence)")
            }
            switch precision.target {
            case .absolute(let value), .relative(let value):
                guard value.isFinite, value > 0 else { throw SweepError("precision target must be finite and > 0, got \(value)") }
            }
            guard precision.minimumTrials >= 2, precision.maximumTrials >= precision.minimumTrials else {
                throw SweepError("need 2 ≤ minimumTrials ≤ maximumTrials, got \(precision.minimumTrials) and \(precision.maximumTrials)")
            }
        }
    }

    /// Runs trials until the stopping rule holds; returns one metric per output plus `trials`.
    func run<Parameters>(
        _ parameters: Parameters, stream: inout RandomStream,
        trial: @Sendable (Parameters, inout RandomStream) throws -> [Double]
    ) throws -> [Metric] {
        var moments = [RunningSummary](repeating: RunningSummary(), count: outputs.count)
        var done = 0
        func runBatch(_ size: Int) throws {
            for trialIndex in 0..<size {
                let outcome = try trial(parameters, &stream)
                guard outcome.count == outputs.count else {
                    throw SweepError("a Monte Carlo trial returned \(outcome.count) values for \(outputs.count) outputs")
                }
                for index in outcome.indices {
                    do { try moments[index].add(outcome[index]) } catch {
                        throw SweepError("Monte Carlo output \(outputs[index].name) = \(outcome[index]) in trial \(done + trialIndex + 1): \(error)")
                    }
                }
            }
            done += size
        }
        switch stopping {
        case .fixed(let trials):
            try runBatch(trials)
        case .precision(let precision):
            while done < precision.maximumTrials {
                try runBatch(min(batchSize, precision.maximumTrials - done))
                if done >= precision.minimumTrials,
                   try MonteCarloPlan.meets(precision, moments) {
                    break
                }
            }
        }
        var metrics = zip(outputs, moments).map { output, moment in
            Metric(output.name, moment.mean, unit: output.unit, uncertainty: moment.standardErrorOfMean ?? 0)
        }
        metrics.append(Metric(MonteCarloPlan.trialsMetricName, Double(done)))
        return metrics
    }

    /// Whether every output's interval half-width t·s/√n meets the target.
    static func meets(_ precision: MonteCarloPrecision, _ moments: [RunningSummary]) throws -> Bool {
        for moment in moments {
            let interval = try ConfidenceInterval.studentT(moment, level: precision.confidence)
            let halfWidth = interval.width / 2
            switch precision.target {
            case .absolute(let target):
                if !(halfWidth <= target) { return false }
            case .relative(let fraction):
                if !(halfWidth <= fraction * abs(moment.mean)) { return false }
            }
        }
        return true
    }
}
