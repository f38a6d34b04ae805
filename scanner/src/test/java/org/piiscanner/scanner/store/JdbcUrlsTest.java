package org.piiscanner.scanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db.example:5432/crm?user=admin&password=s3cret&ssl=true | jdbc:postgresql://db.example:5432/crm?ssl=true",
        "jdbc:postgresql://db.example/crm?ssl=true&password=s3cret | jdbc:postgresql://db.example/crm?ssl=true",
        "jdbc:postgresql://db.example/crm?sslpassword=x&sslmode=require | jdbc:postgresql://db.example/crm?sslmode=require",
        "jdbc:mariadb://admin:s3cret@db.example:3306/shop | jdbc:mariadb://db.example:3306/shop",
        "jdbc:mysql://db.example/shop?useSSL=true&user=root&pwd=x | jdbc:mysql://db.example/shop?useSSL=true",
        "jdbc:h2:file:/data/x;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL | jdbc:h2:file:/data/x;MODE=PostgreSQL",
        "jdbc:sqlserver://db.example:1433;databaseName=hr;user=sa;password=s3cret | jdbc:sqlserver://db.example:1433;databaseName=hr",
        "jdbc:oracle:thin:scott/tiger@//db.example:1521/orcl | jdbc:oracle:thin:@//db.example:1521/orcl",
        "jdbc:snowflake://acct.example/?token=abc&db=x | jdbc:snowflake://acct.example/?db=x",
        "jdbc:postgresql://db.example/crm | jdbc:postgresql://db.example/crm",
        "jdbc:postgresql://db.example/crm?password=only | jdbc:postgresql://db.example/crm"})
    void removesUsersAndSecrets(String url, String expected) {
        assertThat(JdbcUrls.withoutCredentials(url)).isEqualTo(expected).doesNotContain("s3cret", "tiger");
    }
}
