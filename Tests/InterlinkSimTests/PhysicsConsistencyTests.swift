import Foundation
import InterlinkPhysics
import Testing
@testable import InterlinkSim

/// The engine's allocation-free hot-path arithmetic against hand values and against the physics
/// core's (independently written) implementations.
@Suite("Hot-path arithmetic matches the physics core")
struct PhysicsConsistencyTests {
    static func close(_ a: PauliWeights, _ b: BellDiagonalState, _ tol: Double = 1e-12) -> Bool {
        abs(a.i - b.lambdaI) < tol && abs(a.x - b.lambdaX) < tol && abs(a.y - b.lambdaY) < tol && abs(a.z - b.lambdaZ) < tol
    }

    @Test("Werner swap: F = F₁F₂ + (1 − F₁)(1 − F₂)/3")
    func wernerSwap() {
        // Hand value: F₁ = 0.9, F₂ = 0.8 → 0.72 + 0.1·0.2/3 = 0.726666…
        let out = PauliWeights(BellDiagonalState.werner(fidelity: 0.9)).convolved(with: PauliWeights(.werner(fidelity: 0.8)))
        #expect(abs(out.fidelity - (0.72 + 0.02 / 3)) < 1e-15)
    }

    @Test("swap with node noise equals EntanglementSwapping.swap(_:_:operations:)")
    func noisySwap() throws {
        let ops = LocalOperations(
            singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6, twoQubitGateFidelity: 0.97,
            twoQubitGateSeconds: 1e-4, readoutFidelity: 0.98, readoutSeconds: 1e-4)
        let a = try BellDiagonalState(lambdaI: 0.9, lambdaX: 0.05, lambdaY: 0.02, lambdaZ: 0.03)
        let b = try BellDiagonalState(lambdaI: 0.85, lambdaX: 0.01, lambdaY: 0.04, lambdaZ: 0.1)
        let noise = try SwapNoise(nodes: [ops])
        let mine = noise.apply(to: PauliWeights(a).convolved(with: PauliWeights(b)))
        #expect(Self.close(mine, EntanglementSwapping.swap(a, b, operations: ops)))
    }

    @Test("DEJMPS on equal Werner inputs: hand values of Deutsch et al.")
    func dejmpsHand() {
        // Werner F = 0.8: A = 0.8, B = C = D = 1/15. N = (A + B)² + (C + D)² = (13/15)² + (2/15)² = 173/225.
        // A' = (A² + B²)/N = (144/225 + 1/225)/(173/225) = 145/173.
        let (out, n) = PauliWeights(BellDiagonalState.werner(fidelity: 0.8)).dejmps(with: PauliWeights(.werner(fidelity: 0.8)))
        #expect(abs(n - 173.0 / 225.0) < 1e-14)
        #expect(abs(out.fidelity - 145.0 / 173.0) < 1e-14)
    }

    @Test("DEJMPS on unequal inputs equals Purification.dejmps")
    func dejmpsPhysics() throws {
        let a = try BellDiagonalState(lambdaI: 0.9, lambdaX: 0.05, lambdaY: 0.02, lambdaZ: 0.03)
        let b = try BellDiagonalState(lambdaI: 0.8, lambdaX: 0.02, lambdaY: 0.08, lambdaZ: 0.1)
        let (out, n) = PauliWeights(a).dejmps(with: PauliWeights(b))
        let step = Purification.dejmps(a, b)
        #expect(abs(n - step.successProbability) < 1e-12)
        #expect(Self.close(out, step.state))
    }

    @Test("memory channel equals MemoryParameters.channel(after:) for T1, T2 and Gaussian dephasing")
    func memoryChannel() throws {
        let params = [
            MemoryParameters(t1Seconds: 2, t2Seconds: 1),
            MemoryParameters(t2Seconds: 0.5),
            MemoryParameters(t1Seconds: 3),
            MemoryParameters(t2Seconds: 4, gaussianDephasingSeconds: 0.7),
        ]
        let pair = try BellDiagonalState(lambdaI: 0.9, lambdaX: 0.05, lambdaY: 0.02, lambdaZ: 0.03)
        for m in params {
            let noise = try MemoryNoise(m)
            for t in [0.0, 0.01, 0.3, 2.0] {
                #expect(Self.close(noise.decohere(PauliWeights(pair), for: t), m.channel(after: t).apply(to: pair)))
            }
        }
        // Hand value: perfect pair, one qubit with T2 only: F(t) = (1 + e^{−t/T2})/2.
        let one = try MemoryNoise(MemoryParameters(t2Seconds: 0.5)).decohere(.identity, for: 0.5)
        #expect(abs(one.fidelity - (1 + exp(-1)) / 2) < 1e-15)
    }

    @Test("module gate factor reproduces RemoteOperations.remoteCNOT")
    func remoteGate() throws {
        let opsA = LocalOperations(
            singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-6, twoQubitGateFidelity: 0.99,
            twoQubitGateSeconds: 1e-4, readoutFidelity: 0.995, readoutSeconds: 1e-4)
        let opsB = LocalOperations(
            singleQubitGateFidelity: 0.999, singleQubitGateSeconds: 1e-8, twoQubitGateFidelity: 0.995,
            twoQubitGateSeconds: 1e-7, readoutFidelity: 0.98, readoutSeconds: 1e-6)
        let a = try ArchitectureModule(name: "a", communicationQubits: 1, memory: MemoryParameters(), operations: opsA)
        let b = try ArchitectureModule(name: "b", communicationQubits: 1, memory: MemoryParameters(), operations: opsB)
        let pair = BellDiagonalState.werner(fidelity: 0.93)
        let expected = RemoteOperations.remoteCNOT(pair: pair, nodeA: opsA, nodeB: opsB).processFidelity
        #expect(abs(pair.lambdaI * a.gateFidelityFactor * b.gateFidelityFactor - expected) < 1e-14)
    }
}

@Suite("Pair storage")
struct PairStorageTests {
    @Test("combined pair memory equals applying each qubit's channel in turn")
    func combinedMemory() throws {
        let a = try MemoryNoise(MemoryParameters(t1Seconds: 2, t2Seconds: 1, gaussianDephasingSeconds: 3))
        let b = try MemoryNoise(MemoryParameters(t1Seconds: 5, t2Seconds: 0.4))
        let pair = PauliWeights(i: 0.9, x: 0.05, y: 0.02, z: 0.03)
        for t in [0.0, 0.1, 0.7, 3.0] {
            let sequential = b.decohere(a.decohere(pair, for: t), for: t)
            let together = a.combined(with: b).decohere(pair, for: t)
            #expect(abs(sequential.i - together.i) < 1e-14 && abs(sequential.x - together.x) < 1e-14)
            #expect(abs(sequential.y - together.y) < 1e-14 && abs(sequential.z - together.z) < 1e-14)
        }
    }
}
