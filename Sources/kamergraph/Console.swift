import Foundation

/// Writes a message and a line break to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints `message` on stderr and exits with status 1.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
  Foundation.exit(1)
}
