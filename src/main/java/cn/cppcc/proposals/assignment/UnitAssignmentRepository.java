package cn.cppcc.proposals.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitAssignmentRepository extends JpaRepository<UnitAssignment, Long> {
    List<UnitAssignment> findByProposalIdOrderById(long proposalId);
}
