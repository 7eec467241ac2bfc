package jp.kenpo.privacy.provision;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kenpo.provision.*}.
 *
 * @param consigneeReviewMaxAge how old a consignee's last review of its safety measures may be for a
 *                              provision to go ahead (APPI Art. 25: the society supervises its consignees)
 * @param outDir                where the API writes the files it provides (the command line names its own)
 */
@ConfigurationProperties("kenpo.provision")
public record ProvisionProperties(
        @DefaultValue("P1Y") Period consigneeReviewMaxAge,
        @DefaultValue("./provisions") Path outDir) {}
