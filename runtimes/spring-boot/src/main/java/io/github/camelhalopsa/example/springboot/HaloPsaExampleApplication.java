package io.github.camelhalopsa.example.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HaloPsaExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaloPsaExampleApplication.class, args);
    }
}
