package cn.cppcc.proposals.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommitteeSessionRepository extends JpaRepository<CommitteeSession, Long> {
    Optional<CommitteeSession> findByCode(String code);

    Optional<CommitteeSession> findByCurrentTrue();

    List<CommitteeSession> findAllByOrderByPlenaryOpensDesc();
}
