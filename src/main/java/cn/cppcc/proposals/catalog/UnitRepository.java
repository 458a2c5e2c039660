package cn.cppcc.proposals.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, String> {
    List<Unit> findAllByOrderByCode();
}
