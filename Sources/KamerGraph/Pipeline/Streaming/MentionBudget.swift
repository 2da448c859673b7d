import Dispatch
import Synchronization

/// The memory allowed for kept mentions in `BuildPipeline.extractResolved`.
package enum MentionBudget {
  /// What one mention costs in memory, roughly (its struct, ids, text and fields), measured on the
  /// benchmark text: about 430 bytes.
  package static let bytesPerMention = 512
  /// 256 MiB: about half a million mentions, or some 100 MB of parliamentary text.
  package static let defaultBytes = 256 << 20

  /// The most text whose mentions are expected to fit in `bytes`: one mention per 256 bytes of
  /// text (the benchmark text has one per 370), so a text of n bytes is expected to need 2n.
  package static func textBytes(fitting bytes: Int) -> Int { max(0, bytes) / (bytesPerMention / 256) }
}
