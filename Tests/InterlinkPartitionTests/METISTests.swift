import CMETIS
import Testing

@testable import InterlinkPartition

@Suite("METIS layer")
struct METISTests {
    @Test("status codes map to typed errors")
    func statusMapping() throws {
        try METIS.check("f") { METIS_OK.rawValue }
        #expect(throws: PartitionError.metis(function: "f", status: .input)) { try METIS.check("f") { -2 } }
        #expect(throws: PartitionError.metis(function: "f", status: .memory)) { try METIS.check("f") { -3 } }
        #expect(throws: PartitionError.metis(function: "f", status: .other(-4))) { try METIS.check("f") { -4 } }
        #expect(PartitionError.metis(function: "g", status: .other(-4)).description
            == "g failed: METIS_ERROR (some other error)")
    }

    @Test("METIS itself rejects target weights that do not sum to 1 with METIS_ERROR_INPUT")
    func realInputError() {
        // A 4-cycle in CSR form.
        let graph = METIS.Graph(
            xadj: [0, 2, 4, 6, 8], adjncy: [1, 3, 0, 2, 1, 3, 0, 2], adjwgt: [1, 1, 1, 1, 1, 1, 1, 1])
        #expect(throws: PartitionError.metis(function: "METIS_PartGraphKway", status: .input)) {
            try METIS.partGraph(graph, targetWeights: [0.2, 0.2], method: .kway, seed: 1)
        }
    }

    @Test("a 4-cycle halves with cut 2")
    func cycle() throws {
        let graph = METIS.Graph(
            xadj: [0, 2, 4, 6, 8], adjncy: [1, 3, 0, 2, 1, 3, 0, 2], adjwgt: [1, 1, 1, 1, 1, 1, 1, 1])
        for method in METIS.Method.allCases {
            let result = try METIS.partGraph(graph, targetWeights: [0.5, 0.5], method: method, seed: 1)
            #expect(result.edgeCut == 2)
            #expect(result.parts.filter { $0 == 0 }.count == 2)
            #expect(METIS.indexWidth == 32)
        }
    }
}
