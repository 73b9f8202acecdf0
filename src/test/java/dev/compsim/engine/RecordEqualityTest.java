package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Credit;
import dev.compsim.model.PartnerProgram;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The records whose hash and equality are written out (a record's own go through method
 * handles, which C1 does not inline, and these are hashed per deal or per team) answer as the
 * record's own would: equal exactly when every component is equal, and equal ones hash alike.
 * Instances are made from small pools of values, so that about half of the pairs share each
 * component, scales included (1 and 1.0 are different components).
 */
class RecordEqualityTest {
  private static final List<Class<?>> WRITTEN_OUT = List.of(Credit.class,
      PartnerProgram.TierLevel.class, ProgramCalendar.Year.class, PartnerTiers.Standing.class,
      ColumnarEvaluation.CreditClass.class, DataProfile.Owner.class,
      dev.compsim.model.IdPattern.class);

  @Test
  void writtenOutEqualityIsTheRecordsOwn() throws Exception {
    Random random = new Random(20261203L);
    for (Class<?> type : WRITTEN_OUT) {
      int equalPairs = 0;
      for (int i = 0; i < 4_000; i++) {
        Object a = instance(type, random);
        Object b = random.nextInt(10) == 0 ? copy(a) : instance(type, random);
        boolean expected = componentsEqual(a, b);
        assertThat(a.equals(b)).as(type.getSimpleName() + ": " + a + " vs " + b)
            .isEqualTo(expected);
        assertThat(b.equals(a)).as("symmetric").isEqualTo(expected);
        if (expected) {
          equalPairs++;
          assertThat(a.hashCode()).as(type.getSimpleName() + " hash of equal " + a)
              .isEqualTo(b.hashCode());
        }
      }
      assertThat(a(type).equals(null)).isFalse();
      assertThat(equalPairs).as(type.getSimpleName() + " pairs found equal").isGreaterThan(300);
    }
  }

  private static Object a(Class<?> type) throws Exception {
    return instance(type, new Random(1));
  }

  private static boolean componentsEqual(Object a, Object b) throws Exception {
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      component.getAccessor().setAccessible(true);
      if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
        return false;
      }
    }
    return true;
  }

  private static Object copy(Object record) throws Exception {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int c = 0; c < components.length; c++) {
      components[c].getAccessor().setAccessible(true);
      values[c] = components[c].getAccessor().invoke(record);
    }
    return constructor(record.getClass()).newInstance(values);
  }

  private static Constructor<?> constructor(Class<?> type) throws NoSuchMethodException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      types[c] = components[c].getType();
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor;
  }

  /** A record of {@code type} from the pools; components that refuse null are retried. */
  private static Object instance(Class<?> type, Random random) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    for (int attempt = 0; ; attempt++) {
      Object[] values = new Object[components.length];
      for (int c = 0; c < components.length; c++) {
        values[c] = value(components[c].getType(), random, attempt < 3);
      }
      try {
        return constructor(type).newInstance(values);
      } catch (InvocationTargetException refused) {
        // a null where the record wants a value: draw again, with nulls less likely
      }
    }
  }

  private static Object value(Class<?> type, Random random, boolean mayBeNull) throws Exception {
    if (mayBeNull && !type.isPrimitive() && random.nextInt(8) == 0) {
      return null;
    }
    if (type == String.class) {
      return List.of("a", "b").get(random.nextInt(2));
    } else if (type == BigDecimal.class) {
      return List.of(BigDecimal.ONE, new BigDecimal("1.0"), new BigDecimal("0.25"))
          .get(random.nextInt(3));
    } else if (type == LocalDate.class) {
      return LocalDate.of(2026, 1 + random.nextInt(2), 1);
    } else if (type == boolean.class) {
      return random.nextBoolean();
    } else if (type == int.class) {
      return random.nextInt(2);
    } else if (type == List.class) {
      return List.of(List.of(), List.of("a"), List.of("a", "b")).get(random.nextInt(3));
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[random.nextInt(Math.min(2, constants.length))];
    } else if (type.isRecord()) {
      return instance(type, random);
    }
    throw new IllegalArgumentException("no pool for " + type);
  }
}
