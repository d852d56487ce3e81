import Foundation
import Interlink

extension ValidationStudy {
    /// One published number and its recomputation.
    struct Comparison: Sendable {
        /// Experiment (short citation).
        var experiment: String
        /// Metric-name stem (`stephensonRate`).
        var key: String
        /// Quantity compared.
        var quantity: String
        /// Unit.
        var unit: String
        /// Published value.
        var published: Double
        /// Recomputed value.
        var simulated: Double
        /// Published standard uncertainty (nil: none reported or only quoted secondarily).
        var publishedUncertainty: Double? = nil
        /// (simulated − published)/published.
        var relativeDifference: Double { (simulated - published) / published }
        /// Model over published, simulated/published.
        var ratio: Double { simulated / published }
        /// Uncertainty of the ratio from the published uncertainty alone, ratio·σ/published.
        var ratioUncertainty: Double? { publishedUncertainty.map { ratio * $0 / published } }
    }

    /// Kurpiers et al., Nature 558, 264 (2018): deterministic state transfer and remote entanglement
    /// between two transmons on separate chips, about one metre of coaxial cable apart, at 50 kHz; absorption
    /// probability 98.1(1) %, protocol 180 ns (published). Assumed: photon 8.4 GHz, 0.9 m of coax at 0.1 dB/m
    /// (within the cryogenic coax losses of Kurpiers et al., EPJ Quantum Technol. 4, 8, 2017), 0.8 dB for
    /// the circulator and connectors, transmon T2 = 10 µs, no further infidelity.
    static func kurpiers(_ operation: MicrowaveLinkConfiguration.Operation) throws -> MicrowaveLinkModel {
        try MicrowaveLinkModel(configuration: MicrowaveLinkConfiguration(
            operation: operation, frequencyGHz: 8.4, lineLengthMeters: 0.9, lineLossDBPerMeter: 0.1, insertionLossDB: 0.8,
            emissionAbsorptionEfficiency: 0.981, protocolSeconds: 180e-9, repetitionRateHz: 50_000,
            memoryA: MemoryParameters(t2Seconds: 10e-6), memoryB: MemoryParameters(t2Seconds: 10e-6)))
    }

    /// Zalewski et al., arXiv 2506.11257 (2025): a ⁸⁸Sr⁺ ion entangled with a 1092 nm polarisation photon,
    /// measured at an analyser in the lab (0 km) or after 2.8 km of deployed fiber (published: F = 0.949(4)
    /// and 0.929(5), 350(4) s⁻¹ and 15.9(4) s⁻¹). The spin–photon depolarising probability is calibrated
    /// to the lab fidelity (F = 1 − 3p/4); the node is the `ion.sr88.422` preset with the 1092 nm photon,
    /// SNSPDs as analyser detectors, and the 1092 nm fiber-table loss (0.7 dB/km, derived).
    static func zalewski(lengthKm: Double) throws -> NodePhotonLinkModel {
        var arm = try ModalityPreset.arm(named: "ion.sr88.422")
        arm.node.photon = PhotonSource(wavelengthNm: 1092, linewidthMHz: 1.5)
        arm.node.spinPhoton = SpinPhotonErrors(depolarizingProbability: 4 * (1 - 0.949) / 3)
        arm.fiber = FiberSpan(lengthKm: lengthKm)
        arm.detector = .snspd
        return try NodePhotonLinkModel(configuration: NodePhotonLinkConfiguration(receiver: .analyser, arm: arm))
    }

    /// Stephenson et al. 2020: two `ion.sr88.422` nodes, 2 m of fiber (1 m per arm), two-photon station,
    /// residual visibility 0.88 (the preset's value derived from the published F = (1 + V)/2 = 0.94).
    static func stephenson() throws -> LinkModel {
        let arm = try ModalityPreset.arm(named: "ion.sr88.422")
        return try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0.002,
                                                      scheme: .twoPhoton, residualVisibility: 0.88))
    }

    /// Krutyanskiy et al. 2023: two `ion.ca40.854.cavity` nodes, 520 m of 854 nm fiber (260 m per arm),
    /// two-photon station; no residual visibility is reported, so V₀ = 1 (assumption).
    /// `collectionScale` multiplies the collection efficiency (to calibrate against the published p).
    static func krutyanskiy(collectionScale: Double = 1) throws -> LinkModel {
        var arm = try ModalityPreset.arm(named: "ion.ca40.854.cavity")
        arm.collection.efficiency *= collectionScale
        return try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 0.52,
                                                      scheme: .twoPhoton, residualVisibility: 1))
    }

    /// van Leent et al. 2022: two `atom.rb87.780` nodes, photons converted to 1522 nm (57 %, van Leent
    /// et al. 2020, noise-free as an assumption), SNSPDs, 33 km of fiber (16.5 km per arm), two-photon
    /// station, V₀ = 1 (assumption).
    /// `collectionScale` multiplies the collection efficiency (to calibrate against the published rate).
    static func vanLeent(collectionScale: Double = 1) throws -> LinkModel {
        var arm = try ModalityPreset.arm(named: "atom.rb87.780")
        arm.collection.efficiency *= collectionScale
        arm.conversion = FrequencyConversionStage(efficiency: 0.57, noiseRateHz: 0, outputWavelengthNm: 1522)
        arm.detector = .snspd
        return try LinkModel(configuration: .midpoint(armA: arm, armB: arm, totalLengthKm: 33,
                                                      scheme: .twoPhoton, residualVisibility: 1))
    }

    /// Craddock et al. 2019 time bins (ns) and published projected fidelities.
    static let craddockBins: [(ns: Double, fidelity: Double)] = [(5, 1.0), (10, 0.93), (15, 0.72)]

    /// Projected fidelity of a two-photon herald between photons whose centre frequencies differ by
    /// δ (MHz), accepting coincidences within a time bin of width T: the two-photon interference term
    /// oscillates as cos(2πδτ) in the detection-time difference τ (Legero et al., PRL 93, 070503 (2004));
    /// averaged over |τ| ≤ T with uniform weight it gives V(T) = sinc(2πδT) = sin(2πδT)/(2πδT), and
    /// F = (1 + V)/2 (physics reference, two-photon heralding). Uniform weight is an assumption: it holds
    /// for photons much longer than the bin.
    static func craddockFidelity(binNs: Double, detuningMHz: Double) -> Double {
        let x = 2 * Double.pi * detuningMHz * 1e6 * binNs * 1e-9
        let v = abs(x) < 1e-12 ? 1 : sin(x) / x
        return (1 + v) / 2
    }

    /// The beat frequency δ (MHz) minimising the squared residuals of the three published fidelities
    /// (Brent minimiser on [0.1, 25] MHz, below the second sinc lobe): one parameter calibrated on three numbers.
    static func craddockDetuning() throws -> Double {
        try Minimizer.brent(lower: 0.1, upper: 25, relativeTolerance: 1e-6) { delta in
            craddockBins.reduce(0) { sum, bin in
                let r = craddockFidelity(binNs: bin.ns, detuningMHz: delta) - bin.fidelity
                return sum + r * r
            }
        }.x
    }

    /// Every published number against its recomputation.
    static func comparisons() throws -> [Comparison] {
        let s = try stephenson(), k = try krutyanskiy(), v = try vanLeent()
        var list = [
            Comparison(experiment: "Stephenson et al. 2020", key: "stephensonP", quantity: "success probability per attempt",
                       unit: "", published: 2.18e-4, simulated: s.successProbabilityPerAttempt),
            Comparison(experiment: "Stephenson et al. 2020", key: "stephensonRate", quantity: "rate",
                       unit: "1/s", published: 182, simulated: s.rateHz),
            Comparison(experiment: "Stephenson et al. 2020", key: "stephensonF", quantity: "fidelity",
                       unit: "", published: 0.94, simulated: s.fidelity),
            Comparison(experiment: "Krutyanskiy et al. 2023", key: "krutyanskiyP", quantity: "success probability per attempt",
                       unit: "", published: 4e-5, simulated: k.successProbabilityPerAttempt),
            Comparison(experiment: "Krutyanskiy et al. 2023", key: "krutyanskiyF", quantity: "fidelity",
                       unit: "", published: 0.882, simulated: k.fidelity),
            Comparison(experiment: "van Leent et al. 2022", key: "vanLeentRate", quantity: "rate",
                       unit: "1/s", published: 0.01, simulated: v.rateHz),
            Comparison(experiment: "van Leent et al. 2022", key: "vanLeentF", quantity: "fidelity",
                       unit: "", published: 0.62, simulated: v.fidelity),
        ]
        // Calibrated: the collection efficiency scaled so that the per-photon efficiency equals the one the
        // published p (or rate, with the model's attempt period) implies through p = η²/2; the fidelity
        // then shows what dark counts and memory decoherence do at the experiment's true efficiency.
        let kScale = (2 * 4e-5).squareRoot() / k.armA.endToEndEfficiency
        let vScale = (2 * 0.01 * v.attemptPeriod.periodSeconds).squareRoot() / v.armA.endToEndEfficiency
        let kc = try krutyanskiy(collectionScale: kScale), vc = try vanLeent(collectionScale: vScale)
        list.append(Comparison(experiment: "Krutyanskiy et al. 2023", key: "krutyanskiyFCalibrated",
                               quantity: "fidelity, efficiency calibrated to the published p", unit: "",
                               published: 0.882, simulated: kc.fidelity))
        list.append(Comparison(experiment: "van Leent et al. 2022", key: "vanLeentFCalibrated",
                               quantity: "fidelity, efficiency calibrated to the published rate", unit: "",
                               published: 0.62, simulated: vc.fidelity))
        let kt = try kurpiers(.stateTransfer), ke = try kurpiers(.remoteEntanglement)
        list.append(Comparison(experiment: "Kurpiers et al. 2018", key: "kurpiersTransferF", quantity: "state-transfer process fidelity",
                               unit: "", published: 0.8002, simulated: kt.fidelity, publishedUncertainty: 0.0007))
        list.append(Comparison(experiment: "Kurpiers et al. 2018", key: "kurpiersEntanglementF", quantity: "remote Bell-state fidelity",
                               unit: "", published: 0.789, simulated: ke.fidelity, publishedUncertainty: 0.001))
        let lab = try zalewski(lengthKm: 0), field = try zalewski(lengthKm: 2.8)
        list.append(Comparison(experiment: "Zalewski et al. 2025", key: "zalewskiFieldF", quantity: "ion-photon fidelity after 2.8 km (lab F calibrated)",
                               unit: "", published: 0.929, simulated: field.fidelity, publishedUncertainty: 0.005))
        // Rate ratio field/lab: 15.9(4)/350(4) with the two relative uncertainties in quadrature. The experiment's
        // cycle (ion readout and cooling every attempt) is taken to be the same in both, so the rate ratio is the
        // ratio of success probabilities per attempt, which the model compares (its own attempt period would be
        // set by the 27 µs herald round trip in the field).
        let rateRatio = 15.9 / 350
        let rateRatioSigma = rateRatio * ((0.4 / 15.9) * (0.4 / 15.9) + (4.0 / 350) * (4.0 / 350)).squareRoot()
        list.append(Comparison(experiment: "Zalewski et al. 2025", key: "zalewskiRateRatio",
                               quantity: "rate after 2.8 km / rate in the lab (per attempt)", unit: "", published: rateRatio,
                               simulated: field.successProbabilityPerAttempt / lab.successProbabilityPerAttempt,
                               publishedUncertainty: rateRatioSigma))
        let delta = try craddockDetuning()
        for bin in craddockBins {
            list.append(Comparison(experiment: "Craddock et al. 2019", key: "craddock\(Int(bin.ns))ns",
                                   quantity: "projected fidelity, \(Int(bin.ns)) ns bin", unit: "",
                                   published: bin.fidelity, simulated: craddockFidelity(binNs: bin.ns, detuningMHz: delta)))
        }
        return list
    }
}

extension ValidationStudy {
    /// This file, one of the study's sources (`sourceFiles`).
    static let experimentsSource = #filePath
}
