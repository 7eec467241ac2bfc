package jp.kenpo.privacy.cli;

import java.time.Instant;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.catalog.NoticeRenderer;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "notice",
        description = "Prints the notice on the use of personal information, rendered from the catalog.")
final class NoticeCommand extends AppCommand {

    @Option(names = "--lang", defaultValue = "ja", description = "ja (as published) or en")
    String lang;

    @Option(names = "--format", defaultValue = "txt", description = "txt, md or html")
    String format;

    @Option(names = "--at", description = "the notice in force at this date or instant (default: now)")
    Instant at;

    @Override
    public Integer call() {
        Language language = Language.of(lang);
        NoticeFormat noticeFormat = NoticeFormat.of(format);
        Instant when = at != null ? at : Instant.now();
        CatalogVersion version = service(CatalogService.class)
                .catalog()
                .inForceAt(when)
                .orElseThrow(() -> new IllegalArgumentException("no catalog version was in force at " + when));
        out().print(NoticeRenderer.render(version, SocietyTime.dateOf(when), language, noticeFormat));
        out().flush();
        return 0;
    }
}
