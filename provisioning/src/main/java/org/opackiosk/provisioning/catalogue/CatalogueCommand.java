package org.opackiosk.provisioning.catalogue;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "catalogue",
        description = "The kiosk's local catalogue index: fill it from the circulation server, search it.",
        subcommands = {CatalogueSyncCommand.class, CatalogueSearchCommand.class, CommandLine.HelpCommand.class})
public final class CatalogueCommand {
}
