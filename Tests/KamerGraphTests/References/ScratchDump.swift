import Testing
import Foundation
@testable import KamerGraph

@Suite struct ScratchDump {
  @Test func dump() throws {
    guard let path = ProcessInfo.processInfo.environment["DUMP"] else { return }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for m in Extractor().mentions(in: text) {
      let f = m.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      print("DUMP \(m.line):\(m.column) \(m.kind.rawValue) \(m.ids) \(m.text.debugDescription) \(m.status.rawValue) \(m.reason ?? "") \(f)")
    }
  }
}
