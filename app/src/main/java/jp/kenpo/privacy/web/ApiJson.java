package jp.kenpo.privacy.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.FromStringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * How the domain's values look in the API: purpose codes and member keys as the strings people
 * write ({@code "3.8"}, {@code "1234-5678-01"}), without the registry's internal ids; instants in
 * Tokyo time. Kept here so the domain types stay free of serialisation concerns.
 *
 * <p>And what a request body may say at all, refused with 400 naming the field: a key twice
 * ({@code {"action":"LIFT","action":"RESERVE"}} must not quietly mean RESERVE), a null inside a
 * list, an empty member key or purpose code, and text holding control characters (PostgreSQL
 * refuses NUL) or half a character (a lone surrogate).
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }

    @Bean
    JacksonModule kenpoApiModule() {
        var module = new SimpleModule("kenpo-api");
        module.addDeserializer(String.class, new CheckedText());
        module.addSerializer(PurposeCode.class, ToStringSerializer.instance);
        module.addSerializer(MemberKey.class, ToStringSerializer.instance);
        module.addSerializer(ConsentTarget.OfPurpose.class, ToStringSerializer.instance);
        module.addSerializer(ConsentTarget.OfCategory.class, ToStringSerializer.instance);
        module.addDeserializer(PurposeCode.class, new FromText<>(PurposeCode.class) {
            @Override
            protected PurposeCode _deserialize(String value, DeserializationContext ctxt) {
                return PurposeCode.parse(value);
            }
        });
        module.addDeserializer(MemberKey.class, new FromText<>(MemberKey.class) {
            @Override
            protected MemberKey _deserialize(String value, DeserializationContext ctxt) {
                return MemberKey.parse(value);
            }
        });
        module.addSerializer(Instant.class, new TokyoTime());
        module.setMixInAnnotation(ConsentEvent.class, WithoutMemberId.class);
        module.setMixInAnnotation(Member.class, WithoutId.class);
        return module;
    }

    /**
     * An instant as the society reads it: Tokyo time with its offset, {@code 2026-05-01T10:00:00+09:00}
     * — the same instant as the UTC form, but the day and hour a clerk typed.
     */
    private static final class TokyoTime extends StdSerializer<Instant> {
        TokyoTime() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(SocietyTime.ZONE)));
        }
    }

    private abstract static class FromText<T> extends FromStringDeserializer<T> {
        FromText(Class<T> type) {
            super(type);
        }

        /** An empty string is no key and no code: refused, not read as null. */
        @Override
        protected Object _deserializeFromEmptyString(DeserializationContext ctxt) {
            throw new IllegalArgumentException("is empty");
        }
    }

    /** Every string of a request body: no control characters but tab and line breaks, no lone surrogates. */
    private static final class CheckedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            String problem = FreeText.unreadable(text);
            if (problem != null) {
                throw new IllegalArgumentException("the text " + problem);
            }
            return text;
        }
    }

    private abstract static class WithoutMemberId {
        @JsonIgnore
        abstract long memberId();
    }

    private abstract static class WithoutId {
        @JsonIgnore
        abstract long id();
    }
}
