import Testing
@testable import InterlinkReport

@Suite("Parameter names in words")
struct ParameterWordsTests {
    @Test("camelCase and dotted paths read as words; units in their own column are not repeated", arguments: [
        ("snspdDarkCountRateHz", "Hz", "SNSPD dark count rate"),
        ("link.armA.lengthKm", "km", "link arm A length"),
        ("memoryT2Seconds", "s", "memory T₂"),
        ("t1Seconds", "s", "T₁"),
        ("attenuation1550DBPerKm", "dB/km", "attenuation 1550"),
        ("insertionLossDB", "dB", "insertion loss"),
        ("communicationQubits", "", "communication qubits"),
        ("residualVisibility", "", "residual visibility"),
        ("routeChoice", "", "route choice"),
        ("lengthKm", "", "length km"),
        ("shots", "", "shots"),
    ])
    func words(path: String, unit: String, expected: String) {
        #expect(ParameterWords.of(path, unit: unit) == expected)
    }
}
