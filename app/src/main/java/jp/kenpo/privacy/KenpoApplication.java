package jp.kenpo.privacy;

import java.time.Clock;
import jp.kenpo.privacy.cli.Kenpo;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** kenpo-privacy: keeps the promises of the society's notice on the use of personal information. */
@SpringBootApplication
public class KenpoApplication {

    /** Every command, {@code serve} included, starts here: see {@link Kenpo}. */
    public static void main(String[] args) {
        Kenpo.main(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
