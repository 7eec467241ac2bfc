package jp.kenpo.privacy.accounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the accounts module needs in every mode, web server or command line. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityPolicy.class)
class AccountsConfig {

    /** Spring Security's delegating encoder: bcrypt for new passwords, older hashes upgraded at sign-in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
