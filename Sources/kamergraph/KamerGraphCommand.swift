import ArgumentParser
import KamerGraph

@main
struct KamerGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kamergraph",
    abstract: "Turn Dutch parliamentary and government documents into a citation graph.",
    discussion: """
      KamerGraph reads plain text, KOOP XML and metadata, Tweede Kamer open-data XML, .docx, .odt \
      and HTML; finds every reference (Kamerstukken, Aanhangsel Handelingen, zaak numbers, \
      kenmerken, ECLI, laws, ministries, members, parties) with its exact span; and links them \
      into one graph that Gephi and Graphviz open.
      """,
    subcommands: [
      // Each subcommand lives in its own file.
      BuildCommand.self,
      ExtractCommand.self,
      TextCommand.self,
      RelatedCommand.self,
      PathCommand.self,
      SimilarCommand.self,
      ShowCommand.self,
      SearchCommand.self,
      UnresolvedCommand.self,
      StatsCommand.self,
      ExportCommand.self,
      RenderCommand.self,
    ]
  )
}
