import Foundation
import Testing

/// The module table of ARCHITECTURE.md, read from the file: each module's folder and the modules
/// it may import.
struct ModuleTable {
    struct Row {
        let module: String
        let folder: String
        let allowed: Set<String>
    }

    let rows: [Row]

    /// The repository root (this file is `Tests/ArchitectureTests/ModuleImportTests.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func load() throws -> ModuleTable {
        let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        var rows: [Row] = []
        var libraries: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0] != "Module", !cells[0].hasPrefix("---"), !cells[0].contains(",") else { continue }
            let folder = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let allowed: Set<String>
            if cells[2].hasPrefix("every library module above") {
                allowed = libraries
            } else {
                allowed = Set(cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            rows.append(Row(module: cells[0], folder: folder, allowed: allowed))
            if cells[0].hasPrefix("Interlink"), cells[0] != "Interlink", rows.count < 20 { libraries.insert(cells[0]) }
            if cells[0] == "Interlink" { libraries = [] }
        }
        return ModuleTable(rows: rows)
    }

    /// Every module imported by the Swift files under `folder`, with the file that imports it.
    static func imports(under folder: String) throws -> [(module: String, file: String)] {
        let url = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var out: [(String, String)] = []
        for case let file as URL in walker where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                var words = line.split(separator: " ").map(String.init)
                while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
                guard words.count >= 2, words[0] == "import" else { continue }
                // `import struct Foundation.URL` names the module after the kind.
                let name = words.count >= 3 ? words[2] : words[1]
                out.append((String(name.split(separator: ".")[0]), file.lastPathComponent))
            }
        }
        return out
    }
}

@Suite("Module layout follows ARCHITECTURE.md")
struct ModuleImportTests {
    @Test("every module imports only what its row of the table allows")
    func importsMatchTheTable() throws {
        let table = try ModuleTable.load()
        #expect(table.rows.count >= 15)
        for row in table.rows {
            for (module, file) in try ModuleTable.imports(under: row.folder) {
                #expect(row.allowed.contains(module), "\(row.module) (\(file)) imports \(module), which ARCHITECTURE.md does not allow")
            }
        }
    }

    @Test("every source folder is a module listed in the table")
    func everyFolderIsListed() throws {
        let table = try ModuleTable.load()
        let listed = Set(table.rows.map(\.folder))
        for parent in ["Sources", "Benchmarks", "Plugins"] {
            let folders = try FileManager.default.contentsOfDirectory(atPath: ModuleTable.root.appendingPathComponent(parent).path)
            for folder in folders where !folder.hasPrefix("C") || folder.hasPrefix("Cl") {
                #expect(listed.contains("\(parent)/\(folder)"), "\(parent)/\(folder) is not in ARCHITECTURE.md's module table")
            }
        }
    }

    @Test("the table's import rule is checked, not assumed: a module that imports upward is caught")
    func upwardImportIsCaught() throws {
        let table = try ModuleTable.load()
        let core = try #require(table.rows.first { $0.module == "InterlinkCore" })
        #expect(!core.allowed.contains("InterlinkPhysics"))
        let physics = try #require(table.rows.first { $0.module == "InterlinkPhysics" })
        #expect(!physics.allowed.contains("InterlinkNotebook"))
        let umbrella = try #require(table.rows.first { $0.module == "Interlink" })
        #expect(umbrella.allowed.contains("InterlinkReport") && !umbrella.allowed.contains("Studies"))
    }
}
