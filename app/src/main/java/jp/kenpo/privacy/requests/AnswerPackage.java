package jp.kenpo.privacy.requests;

/**
 * The answer to a request as sent: a ZIP of a Japanese report to read or print ({@code report.html})
 * and the same content for machines ({@code data.json}).
 */
public record AnswerPackage(String fileName, byte[] zip, String sha256) {

    @Override
    public String toString() {
        return "AnswerPackage[" + fileName + ", sha256 " + sha256 + "]";
    }
}
