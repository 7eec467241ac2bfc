package jp.kenpo.privacy.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a JDBC batch of inserts as multi-row statements
 * ({@code reWriteBatchedInserts}), which bulk loads (members, receipts, checkups) need to be fast.
 * Set here rather than in the URL so that every configured PostgreSQL URL gets it; H2 would refuse
 * the unknown setting.
 */
@Component
class PostgresBatching implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds
                && ds.getJdbcUrl() != null
                && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !ds.getJdbcUrl().contains("reWriteBatchedInserts")) {
            ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
