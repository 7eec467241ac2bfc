package jp.kenpo.privacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KenpoApplication {

    public static void main(String[] args) {
        SpringApplication.run(KenpoApplication.class, args);
    }
}
